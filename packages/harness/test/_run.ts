// Runs `kmb run` in-process on a fixture suite, with output captured and results read back (validated).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bufferedIo, readResultsFile, type ResultsFile } from "@keras-mem-bench/results";
import { runCommand } from "../src/cli/command-run.js";
import { silentProgress, type ProgressReporter } from "../src/parent/progress.js";

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** A tiny real run: the default suite's dense cells at batch 32, 3 epochs of 64 samples, no warm-up. */
export const TINY_DENSE_ARGS: readonly string[] = [
  "--filter",
  "family=dense",
  "--batch-sizes",
  "32",
  "--epochs",
  "3",
  "--warmup-epochs",
  "0",
  "--samples",
  "64",
];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  results: ResultsFile | null;
}

/** Runs the CLI's run command exactly as given, with its output captured. */
export async function captureKmb(argv: string[], progress: ProgressReporter = silentProgress()): Promise<Omit<CliRun, "results">> {
  const io = bufferedIo();
  const code = await runCommand(argv, io, { progress });
  return { code, stdout: io.out, stderr: io.err };
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
