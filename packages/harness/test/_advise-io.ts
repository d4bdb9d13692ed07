// Runs `kmb advise` in-process with its output captured.
import { PassThrough } from "node:stream";
import { adviseCommand } from "../src/cli/command-advise.js";
import { silentProgress } from "../src/parent/progress.js";

function sink() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { stream, text: () => text };
}

export async function adviseKmb(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await adviseCommand(argv, { stdout: stdout.stream, stderr: stderr.stream as unknown as NodeJS.WriteStream, progress: silentProgress() });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
