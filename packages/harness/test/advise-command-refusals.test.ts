import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adviseKmb } from "./_advise-io.js";
import { REPO_ROOT } from "./_run.js";

const SUITE = ["--config", join(REPO_ROOT, "suites/default.ts")];

describe("kmb advise refuses input it cannot answer, before any probe runs", () => {
  it.each([
    [
      ["--budget", "1G", "--metric", "gpu", "--filter", "family=dense"],
      "--metric gpu: backend wasm keeps its memory in RSS, not on a GPU (GPU backends: tensorflow, webgpu)",
    ],
    [
      ["--budget", "1G", "--min-batch", "5", "--max-batch", "7"],
      "no power of two lies between --min-batch 5 and --max-batch 7 (add --exact to try any integer)",
    ],
    [["--budget", "1G", "--exact", "--min-batch", "9", "--max-batch", "8"], "--min-batch 9 is above --max-batch 8"],
    [["--budget", "1G", "--filter", "family=rnn"], '--filter "family=rnn": family "rnn" is not in this suite\'s matrix'],
    [["--budget", "1G", "--out", REPO_ROOT], `--out "${REPO_ROOT}": `],
  ])("%j", async (argv, message) => {
    const run = await adviseKmb([...SUITE, ...argv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kmb advise: ${message}`);
    expect(run.stdout).toBe("");
  });

  it("--help prints the usage on stdout", async () => {
    const run = await adviseKmb(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: kmb advise --budget SIZE/);
  });
});
