import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { afterEach, describe, expect, it } from "vitest";
import { fixture, runKmb } from "./_run.js";

// The suite file reads KMB_TEST_LEAK in the cell's process (which inherits this process's environment),
// so the same config runs with and without the injected leak; each leak's origin is known.
async function runLeak(leak: string | undefined): Promise<{ cell: Cell; results: ResultsFile; stdout: string }> {
  if (leak) process.env["KMB_TEST_LEAK"] = leak;
  else delete process.env["KMB_TEST_LEAK"];
  const run = await runKmb(["--config", fixture("suite-leaks.ts")]);
  expect(run.code, run.stderr).toBe(0);
  const [cell] = run.results!.cells;
  expect(cell!.status, cell!.error?.message).toBe("ok");
  return { cell: cell!, results: run.results!, stdout: run.stdout };
}

afterEach(() => {
  delete process.env["KMB_TEST_LEAK"];
});

describe("leaked tensors traced to where they were made", () => {
  it("a callback keeping one tensor per epoch → leaking, +1 tensor/epoch, from the callback", async () => {
    const { cell, stdout } = await runLeak("tensor");
    expect(cell.verdict).toBe("leaking");
    expect(cell.summary!.tensorsPerEpoch).toBeCloseTo(1, 9);
    expect(cell.summary!.dataIdsPerEpoch).toBeCloseTo(1, 9);
    expect(cell.verdictReason).toMatch(/^tensors \+1\.00 tensors\/epoch/);
    expect(cell.leakOrigins).toEqual([{ phase: "callback", op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 1, bytesPerEpoch: 4 }]);
    expect(stdout).toContain("dense/in-memory/b32/wasm: leak origins: +1 tensors/epoch (+4 B/epoch): 1 from op tensor, callback");
  }, 120_000);

  it("a custom layer keeping an intermediate of each call → that layer, by name and class", async () => {
    const { cell } = await runLeak("layer");
    expect(cell.verdict).toBe("leaking");
    // 128 samples in batches of 32: four calls per epoch, each keeps a [32, 16] float32 tensor.
    expect(cell.leakOrigins).toEqual([{ phase: "forward", op: "square", layer: "keeps_square", layerClass: "KeepsSquare", tensorsPerEpoch: 4, bytesPerEpoch: 4 * 32 * 16 * 4 }]);
  }, 120_000);

  it("a strategy keeping one tensor per epoch → the data pipeline", async () => {
    const { cell } = await runLeak("pipeline");
    expect(cell.verdict).toBe("leaking");
    expect(cell.leakOrigins).toEqual([{ phase: "pipeline", op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 1, bytesPerEpoch: 64 * 4 }]);
  }, 120_000);
});
