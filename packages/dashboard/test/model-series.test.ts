import { syntheticCell, syntheticResults } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { buildDashboardModel, buildRunCurves, type DashboardRun } from "../src/dashboard-model.js";
import { sampleRuns } from "./_runs.js";

const commit = (sha: string, day: number) => ({
  sha,
  committedAt: `2026-10-${String(day).padStart(2, "0")}T00:00:00Z`,
  message: `m${day}`,
  url: `https://example.test/c/${sha}`,
  ref: "refs/heads/main",
  source: `runs/${sha}.json`,
});

describe("buildDashboardModel series", () => {
  it("has one series per cell with one value per commit, in commit order", () => {
    const { runs } = sampleRuns({ commits: 30 });
    const model = buildDashboardModel(runs, { generatedAt: "2026-11-01T00:00:00Z" });
    expect(model.commits).toHaveLength(30);
    expect(model.series).toHaveLength(32);
    expect(model.commits.map((c) => c.sha)).toEqual(runs.map((r) => r.commit.sha));
    for (const s of model.series) {
      for (const m of model.trendMetrics) expect(s.values[m.key]).toHaveLength(30);
      expect(s.states).toHaveLength(30);
    }
    const first = model.series.find((s) => s.id === "dense/tf-data/b32/wasm");
    const cell = runs[0]?.results.cells.find((c) => c.id === "dense/tf-data/b32/wasm");
    expect(first?.values.peakRssBytes[0]).toBeCloseTo(cell?.summary?.peakRssBytes ?? -1, -4);
    expect(first?.values.samplesPerSecond[0]).toBeCloseTo(cell?.summary?.timing?.samplesPerSecond ?? -1, 0);
  });

  it("orders axes as the vocabulary does, not alphabetically", () => {
    const { runs } = sampleRuns({ commits: 3, batchSizes: [256, 32, 64], backends: ["webgpu", "wasm"] });
    const { axes } = buildDashboardModel(runs);
    expect(axes.families).toEqual(["dense", "lstm", "conv", "depthwise-conv"]);
    expect(axes.strategies).toEqual(["in-memory", "generator", "tf-data", "file-stream"]);
    expect(axes.batchSizes).toEqual([32, 64, 256]);
    expect(axes.backends).toEqual(["wasm", "webgpu"]);
  });

  it("leaves null where a cell is absent from a run, and commit links as given", () => {
    const a = syntheticCell({ family: "dense", strategy: "generator", batchSize: 32, backend: "wasm" });
    const b = syntheticCell({ family: "lstm", strategy: "generator", batchSize: 32, backend: "wasm" });
    const runs: DashboardRun[] = [
      { commit: commit("a".repeat(40), 1), results: syntheticResults([a]) },
      { commit: commit("b".repeat(40), 2), results: syntheticResults([a, b]) },
    ];
    const model = buildDashboardModel(runs);
    const lstm = model.series.find((s) => s.family === "lstm");
    expect(lstm?.values.peakRssBytes[0]).toBeNull();
    expect(lstm?.states).toEqual([null, "stable"]);
    expect(model.commits[1]).toMatchObject({
      label: "bbbbbbb",
      url: `https://example.test/c/${"b".repeat(40)}`,
      runFile: "data/run-1.js",
      cellCount: 2,
    });
  });

  it("labels runs without git information by file name and says when all data is synthetic", () => {
    const cell = syntheticCell({ family: "dense", strategy: "generator", batchSize: 32, backend: "wasm" });
    const model = buildDashboardModel([
      {
        commit: { sha: null, committedAt: "2026-10-01T00:00:00Z", message: null, url: null, ref: null, source: "results/run-a.json" },
        results: syntheticResults([cell]),
      },
    ]);
    expect(model.commits[0]?.label).toBe("run-a.json");
    expect(model.synthetic).toBe(true);
  });

  it("keeps per-epoch curves per cell and drops metrics the run never recorded", () => {
    const { runs } = sampleRuns({ commits: 2 });
    const curves = buildRunCurves(runs[1]?.results ?? runs[0]!.results, 1);
    expect(curves.commit).toBe(1);
    expect(curves.cells).toHaveLength(32);
    const cell = curves.cells[0];
    expect(cell?.epochs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cell?.values.rssBytes).toHaveLength(10);
    expect(cell?.values.wasmHeapBytes).toBeUndefined(); // synthetic cells have no wasm heap readings
  });

  it("gives the cell view where a leaking cell's tensors come from and what a growing cell grows, in words", () => {
    const key = { family: "lstm", strategy: "tf-data", batchSize: 32, backend: "wasm" };
    const leaking = {
      ...syntheticCell(key, { tensorsPerEpoch: 16 }),
      verdict: "leaking" as const,
      leakOrigins: [
        { phase: "forward" as const, op: "matMul", layer: "lstm_1", layerClass: "LSTM", tensorsPerEpoch: 16, bytesPerEpoch: 65536 },
      ],
    };
    const growing = {
      ...syntheticCell({ ...key, family: "dense" }),
      verdict: "growing" as const,
      growth: { series: [{ memory: "external" as const, bytesPerEpoch: 262144, growing: true }] },
    };
    const stable = syntheticCell({ ...key, family: "conv" });
    const onGpu = {
      ...syntheticCell({ ...key, backend: "webgpu" }),
      computeDevice: { description: "mesa software (llvmpipe)", software: true },
    };
    const curves = buildRunCurves(syntheticResults([leaking, growing, stable, onGpu]), 0);
    expect(curves.cells[0]?.leakOrigins).toBe("+16 tensors/epoch (+64.0 KiB/epoch): 16 from layer lstm_1 (LSTM), op matMul, forward pass");
    expect(curves.cells[1]?.growth).toBe("grows: external +256 KiB/epoch");
    expect(curves.cells[2]).not.toHaveProperty("leakOrigins");
    expect(curves.cells[2]).not.toHaveProperty("growth");
    expect(curves.cells[2]).not.toHaveProperty("computeDevice");
    expect(curves.cells[3]?.computeDevice).toBe("mesa software (llvmpipe) [software]");
  });
});
