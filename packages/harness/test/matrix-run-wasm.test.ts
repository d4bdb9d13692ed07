import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { REPO_ROOT, runKmb, TINY_DENSE_ARGS } from "./_run.js";

describe("a tiny real matrix on wasm", () => {
  it("runs the default suite's dense cells in one shard and writes a valid results file", async () => {
    // dense × 4 strategies × batch 32 = 4 cells; shard 2/2 takes the 2nd and 4th (generator, file-stream).
    const run = await runKmb(["--config", join(REPO_ROOT, "suites/default.ts"), ...TINY_DENSE_ARGS, "--shard", "2/2"]);
    expect(run.code, run.stderr).toBe(0);
    const results = run.results!; // read back through the schema-validating reader
    expect(results.suite).toMatchObject({
      name: "default",
      epochs: 3,
      warmupEpochs: 0,
      quick: false,
      shard: { index: 2, count: 2, matrixSize: 4 },
    });
    expect(results.cells.map((c) => c.id)).toEqual(["dense/generator/b32/wasm", "dense/file-stream/b32/wasm"]);
    expect(results.env.tfjs["@tensorflow/tfjs-core"]).toBe("4.22.0");
    expect(results.env.tfjs["@tensorflow/tfjs-backend-wasm"]).toBe("4.22.0");
    expect(results.env.cpu.count).toBeGreaterThan(0);
    for (const cell of results.cells) {
      expect(cell.status, cell.error?.message).toBe("ok");
      expect(cell.samples.map((s) => s.epoch)).toEqual([1, 2, 3]);
      expect(cell.batchSamples).toHaveLength(3 * 2); // 64 samples / batch 32
      expect(cell.parameterCount).toBe(14_820);
      expect(cell.samples.every((s) => s.wasmHeapBytes! > 0 && s.numDataIds !== null && s.maxRssBytes! >= s.rssBytes)).toBe(true);
      expect(cell.summary!.timing!.samplesPerSecond).toBeGreaterThan(0);
      expect(cell.summary!.finalLoss!).toBeLessThan(cell.summary!.firstLoss!);
      expect(cell.startupMs).toBeGreaterThan(0);
      expect(cell.verdict).not.toBeNull();
      // Version 2: every step's tensor high-water mark, above what survives the step; exact, so steps 2.. agree.
      for (const b of cell.batchSamples) expect(b.stepPeakBytes!).toBeGreaterThan(Math.max(b.numBytes, b.stepStartBytes!));
      const laterSteps = new Set(cell.batchSamples.filter((b) => b.epoch > 1).map((b) => b.stepPeakBytes! - b.stepStartBytes!));
      expect(laterSteps.size).toBe(1);
      expect(cell.summary!.peakStepTensorBytes).toBe(Math.max(...cell.batchSamples.map((b) => b.stepPeakBytes!)));
      expect(cell.samples.every((s) => s.backendPeakBytes! >= s.wasmHeapBytes!)).toBe(true);
      // 14,820 float32 weights; Adam keeps two slots per weight plus two float32 scalars (beta1^t, beta2^t).
      expect(cell.memoryParts).toMatchObject({ weightBytes: 59_280, optimizerStateBytes: 2 * 59_280 + 8, datasetTensorBytes: 0 });
      expect(cell.memoryParts!.baselineRssBytes!).toBeGreaterThan(0);
    }
    expect(results.schemaVersion).toBe(3);
    for (const cell of results.cells) expect(cell.computeDevice).toBeUndefined(); // wasm computes in the process
    expect(run.stdout).toMatch(/dense\/generator\/b32\/wasm +ok/);
    expect(run.stdout).toMatch(/[+−±]\d+(\.\d+)? (B|KiB|MiB)\/epoch/);
    // The run ends with the claims its own cells answer (two stable dense cells: whether fit keeps growing)
    // and points to the claims suite for the rest.
    expect(run.stdout).toMatch(
      /\nClaims these cells answer: 1 (holds|does not hold|partly)\n\n(holds|does not hold|partly) +Memory in fit keeps growing/,
    );
    expect(run.stdout.trimEnd()).toMatch(
      /7 more claims need other cells: run `kmb claims` \(in this repository `pnpm bench claims`\) for every claim with its figures \(the built-in claims suite\)\.$/,
    );
  }, 120_000);
});
