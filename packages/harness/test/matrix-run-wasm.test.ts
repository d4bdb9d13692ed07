import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { REPO_ROOT, runKmb } from "./_run.js";

describe("a tiny real matrix on wasm", () => {
  it("runs the default suite's dense cells in one shard and writes a valid results file", async () => {
    // dense × 4 strategies × batch 32 = 4 cells; shard 2/2 takes the 2nd and 4th (generator, file-stream).
    const run = await runKmb([
      "--config",
      join(REPO_ROOT, "suites/default.ts"),
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
      "--shard",
      "2/2",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const results = run.results!; // read back through the schema-validating reader
    expect(results.suite).toMatchObject({ name: "default", epochs: 3, warmupEpochs: 0, quick: false, shard: { index: 2, count: 2, matrixSize: 4 } });
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
    }
    expect(run.stdout).toMatch(/dense\/generator\/b32\/wasm +ok/);
    expect(run.stdout).toMatch(/MiB\/epoch/);
  }, 120_000);
});
