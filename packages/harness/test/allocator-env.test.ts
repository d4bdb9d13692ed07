import { describe, expect, it } from "vitest";
import type { CellTask } from "../src/cell-protocol.js";
import { expandMatrix } from "../src/matrix/matrix-cells.js";
import { cellFromRun } from "../src/parent/cell-result.js";
import { allocatorEnv, type CellRun } from "../src/parent/cell-runner.js";

const [growOn, growOff] = expandMatrix({ families: ["dense"], strategies: ["in-memory"], batchSizes: [32], backends: ["tensorflow"] });
const [wasm] = expandMatrix({ families: ["dense"], strategies: ["in-memory"], batchSizes: [32], backends: ["wasm"] });

const task = (cell: CellTask["cell"]): CellTask => ({
  cell,
  suiteFile: "suite.ts",
  quick: true,
  epochs: 2,
  samplesPerEpoch: 32,
  seed: 1,
  tmpDir: null,
  forcedGc: true,
});

describe("GPU allocator setting per cell", () => {
  it("sets TF_FORCE_GPU_ALLOW_GROWTH in the cell's process to the cell's setting", () => {
    expect(allocatorEnv(task(growOn!))).toEqual({ TF_FORCE_GPU_ALLOW_GROWTH: "true" });
    expect(allocatorEnv(task(growOff!))).toEqual({ TF_FORCE_GPU_ALLOW_GROWTH: "false" });
  });

  it("leaves the environment alone for cells without the axis", () => {
    expect(allocatorEnv(task(wasm!))).toEqual({});
  });

  it("records the setting on the cell in the results, and only where it exists", () => {
    const run = (cell: CellTask["cell"]): CellRun => ({
      task: task(cell),
      status: "crashed",
      error: { message: "killed" },
      samples: [],
      batchSamples: [],
      memoryParts: null,
      computeDevice: null,
      origins: [],
      heapSnapshots: [],
      timing: null,
      parameterCount: null,
      startupMs: null,
      durationMs: 1,
      finalMaxRssBytes: null,
      peakGpuUsedBytes: null,
      interrupted: false,
    });
    expect(cellFromRun(run(growOff!), 0)).toMatchObject({ id: "dense/in-memory/b32/tensorflow/growth-off", gpuMemoryGrowth: false });
    expect(cellFromRun(run(wasm!), 0)).not.toHaveProperty("gpuMemoryGrowth");
  });
});
