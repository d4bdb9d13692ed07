import type { GpuSampler, GpuSamples } from "@keras-mem-bench/gpu-memory";
import { describe, expect, it } from "vitest";
import { analyseCell } from "../src/analysis/analysis.js";
import { cellFromRun } from "../src/parent/cell-result.js";
import { runCellProcess } from "../src/parent/cell-runner.js";
import { DEFAULT_SUITE_FILE } from "../src/suite/suite-load.js";
import { MiB, series } from "./_series.js";

/** A GPU poller that reports 100 MiB more for the process every time it is asked. */
function fakeGpu(pids: number[]): (pid: number) => GpuSampler {
  return (pid) => {
    pids.push(pid);
    let used = 1000 * MiB;
    const reading = () => ({ elapsedMs: 0, totalUsedBytes: null, processUsedBytes: (used += 100 * MiB), gpus: [] });
    return {
      latest: reading,
      stop: async (): Promise<GpuSamples> => ({
        available: true,
        gpus: [],
        samples: [],
        peakTotalUsedBytes: null,
        peakProcessUsedBytes: 5000 * MiB,
        failures: [],
      }),
    };
  };
}

const task = {
  cell: { id: "dense/in-memory/b16/wasm", family: "dense", strategy: "in-memory", batchSize: 16, backend: "wasm", gpuMemoryGrowth: null },
  suiteFile: DEFAULT_SUITE_FILE,
  quick: false,
  epochs: 2,
  samplesPerEpoch: 32,
  seed: 1,
  tmpDir: null,
  forcedGc: true,
};

describe("GPU memory in cells", () => {
  it("joins the poller's reading to each epoch sample and its peak to the summary", async () => {
    const pids: number[] = [];
    const run = await runCellProcess(task, { timeoutMs: 60_000, maxRssBytes: null, gpuSampler: fakeGpu(pids) });
    expect(run.status, run.error?.message).toBe("ok");
    expect(pids).toHaveLength(1);
    expect(run.samples.map((s) => s.gpuUsedBytes)).toEqual([1100 * MiB, 1200 * MiB]);
    const cell = cellFromRun(run, 0);
    expect(cell.summary!.peakGpuUsedBytes).toBe(5000 * MiB);
    expect(cell.summary!.gpuBytesPerEpoch).toBe(100 * MiB);
  }, 60_000);

  it.each([
    ["rejects", () => Promise.reject(new Error("nvidia-smi vanished"))],
    [
      "throws",
      () => {
        throw new Error("nvidia-smi vanished");
      },
    ],
  ])(
    "a poller whose stop() %s costs the GPU peak, not the cell",
    async (_, stop: () => Promise<GpuSamples>) => {
      const run = await runCellProcess(task, { timeoutMs: 60_000, maxRssBytes: null, gpuSampler: () => ({ latest: () => null, stop }) });
      expect(run.status, run.error?.message).toBe("ok");
      expect(run.samples).toHaveLength(2);
      expect(run.peakGpuUsedBytes).toBeNull();
    },
    60_000,
  );

  it("GPU memory that keeps rising after warm-up → growing, naming it", () => {
    const samples = series({ epochs: 6 }).map((s) => ({ ...s, gpuUsedBytes: (500 + 64 * s.epoch) * MiB }));
    const result = analyseCell({ samples, batchSamples: [], warmupEpochs: 2, timing: null });
    expect(result.verdict).toBe("growing");
    expect(result.verdictReason).toContain("GPU memory +64.0 MiB/epoch");
  });

  it("cells without GPU readings carry no GPU fields", () => {
    const result = analyseCell({ samples: series({ epochs: 4 }), batchSamples: [], warmupEpochs: 1, timing: null });
    expect(result.summary).not.toHaveProperty("peakGpuUsedBytes");
    expect(result.summary).not.toHaveProperty("gpuBytesPerEpoch");
  });
});
