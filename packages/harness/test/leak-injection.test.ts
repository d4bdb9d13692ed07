import { describe, expect, it } from "vitest";
import { runLeak } from "./_leak-run.js";

// Leaks injected through KMB_TEST_LEAK (test/_leak-run.ts), each with a known origin.

describe("leaked tensors traced to where they were made", () => {
  it("a callback keeping one tensor per epoch → leaking, +1 tensor/epoch, from the callback", async () => {
    const { cell, stdout } = await runLeak("tensor");
    expect(cell.verdict).toBe("leaking");
    expect(cell.summary!.tensorsPerEpoch).toBeCloseTo(1, 9);
    expect(cell.summary!.dataIdsPerEpoch).toBeCloseTo(1, 9);
    expect(cell.verdictReason).toMatch(/^tensors \+1\.00 tensors\/epoch/);
    // The measured run goes without origin tracking; the leaking cell ran again with it.
    expect(cell.verdictReason).toMatch(/; leak origins from a second run of the cell with origin tracking on$/);
    expect(cell.leakOrigins).toEqual([
      { phase: "callback", op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 1, bytesPerEpoch: 4 },
    ]);
    expect(stdout).toContain("dense/in-memory/b32/wasm: leak origins: +1 tensors/epoch (+4 B/epoch): 1 from op tensor, callback");
  }, 120_000);

  it("an async callback keeping a tensor made after an await → still the callback", async () => {
    const { cell } = await runLeak("async-callback");
    expect(cell.verdict).toBe("leaking");
    expect(cell.leakOrigins).toEqual([
      { phase: "callback", op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 1, bytesPerEpoch: 4 },
    ]);
  }, 120_000);

  it("a custom layer keeping an intermediate of each call → that layer, by name and class", async () => {
    const { cell } = await runLeak("layer");
    expect(cell.verdict).toBe("leaking");
    // 128 samples in batches of 32: four calls per epoch, each keeps a [32, 16] float32 tensor.
    expect(cell.leakOrigins).toEqual([
      {
        phase: "forward",
        op: "square",
        layer: "keeps_square",
        layerClass: "KeepsSquare",
        tensorsPerEpoch: 4,
        bytesPerEpoch: 4 * 32 * 16 * 4,
      },
    ]);
  }, 120_000);

  it("a custom layer's gradient keeping a tensor of each backward pass → that layer, backward pass", async () => {
    const { cell } = await runLeak("backward");
    expect(cell.verdict).toBe("leaking");
    // Four steps per epoch, each keeps |dy| of the layer's [32, 16] output.
    expect(cell.leakOrigins).toEqual([
      {
        phase: "backward",
        op: "abs",
        layer: "keeps_gradient",
        layerClass: "KeepsGradient",
        tensorsPerEpoch: 4,
        bytesPerEpoch: 4 * 32 * 16 * 4,
      },
    ]);
  }, 120_000);

  it("with --origins the measured run itself records them: the same origins, and none for a clean cell", async () => {
    const { cell } = await runLeak("tensor", ["--origins"]);
    expect(cell.verdictReason).not.toContain("second run");
    expect(cell.leakOrigins).toEqual([
      { phase: "callback", op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 1, bytesPerEpoch: 4 },
    ]);
    expect((await runLeak(undefined, ["--origins"])).cell.leakOrigins).toEqual([]);
    // --no-origins: not even a leaking cell gets them.
    expect((await runLeak("tensor", ["--no-origins"])).cell.leakOrigins).toBeUndefined();
  }, 120_000);

  it("a strategy keeping one tensor per epoch → the data pipeline", async () => {
    const { cell } = await runLeak("pipeline");
    expect(cell.verdict).toBe("leaking");
    expect(cell.leakOrigins).toEqual([
      { phase: "pipeline", op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 1, bytesPerEpoch: 64 * 4 },
    ]);
  }, 120_000);
});
