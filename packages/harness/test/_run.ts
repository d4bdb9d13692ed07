// Runs `kmb run` in-process on a fixture suite, with output captured and results read back (validated).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PassThrough } from "node:stream";
import { readResultsFile, type ResultsFile } from "@keras-mem-bench/results";
import { runCommand } from "../src/cli/command-run.js";
import { silentProgress, type ProgressReporter } from "../src/parent/progress.js";

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  results: ResultsFile | null;
}

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { stream, text: () => text };
}

/** Runs the CLI's run command exactly as given, with its output captured. */
export async function captureKmb(argv: string[], progress: ProgressReporter = silentProgress()): Promise<Omit<CliRun, "results">> {
  const stdout = sink();
  const stderr = sink();
  const code = await runCommand(argv, { stdout: stdout.stream, stderr: stderr.stream as unknown as NodeJS.WriteStream, progress });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the CLI's run command with --out in a fresh temp folder; reads the results file when one was written. */
export async function runKmb(argv: string[]): Promise<CliRun> {
  const dir = await mkdtemp(join(tmpdir(), "kmb-harness-test-"));
  const out = join(dir, "results.json");
  try {
    const run = await captureKmb([...argv, "--out", out]);
    const results = await readResultsFile(out).catch(() => null);
    return { ...run, results };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
