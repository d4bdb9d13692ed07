// Runs `kmb advise` in-process with its output captured.
import { bufferedIo } from "@keras-mem-bench/results";
import { adviseCommand } from "../src/cli/command-advise.js";
import { silentProgress } from "../src/parent/progress.js";

export async function adviseKmb(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferedIo();
  const code = await adviseCommand(argv, io, silentProgress());
  return { code, stdout: io.out, stderr: io.err };
}
