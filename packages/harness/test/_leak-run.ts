import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { expect } from "vitest";
import { fixture, runKmb } from "./_run.js";

/**
 * Runs the one cell of fixtures/suite-leaks.ts with KMB_TEST_LEAK set to `leak` (none when undefined). The
 * suite reads it in the cell's process, which inherits this environment, so the same config runs with and
 * without an injected leak whose origin is known. The variable is removed again afterwards.
 */
export async function runLeak(
  leak: string | undefined,
  args: readonly string[] = [],
): Promise<{ cell: Cell; results: ResultsFile; stdout: string }> {
  if (leak) process.env["KMB_TEST_LEAK"] = leak;
  else delete process.env["KMB_TEST_LEAK"];
  try {
    const run = await runKmb(["--config", fixture("suite-leaks.ts"), ...args]);
    expect(run.code, run.stderr).toBe(0);
    const [cell] = run.results!.cells;
    expect(cell!.status, cell!.error?.message).toBe("ok");
    return { cell: cell!, results: run.results!, stdout: run.stdout };
  } finally {
    delete process.env["KMB_TEST_LEAK"];
  }
}
