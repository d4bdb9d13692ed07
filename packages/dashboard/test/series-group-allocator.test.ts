import { syntheticCell, syntheticResults } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { buildDashboardModel, buildRunCurves, type DashboardRun } from "../src/dashboard-model.js";
import { groupByRun, groupKey } from "../src/series-filter.js";

// tensorflow cells run with the GPU allocator growing on demand and without: two cells per
// family/strategy/batch, told apart only by gpuMemoryGrowth. They must never share a chart line.
const keys = ["in-memory", "generator"].flatMap((strategy) =>
  [true, false].map((gpuMemoryGrowth) => ({ family: "dense", strategy, batchSize: 32, backend: "tensorflow", gpuMemoryGrowth })),
);
const wasm = { family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" };

function run(i: number): DashboardRun {
  const cells = [...keys.map((k, j) => syntheticCell(k, { seed: i * 10 + j + 1 })), syntheticCell(wasm, { seed: i * 10 + 9 })];
  const sha = String(i).repeat(40);
  return {
    commit: { sha, committedAt: `2026-10-0${i + 1}T00:00:00.000Z`, message: null, url: null, ref: null, source: `run-${i}.json` },
    results: syntheticResults(cells, { sha, createdAt: `2026-10-0${i + 1}T00:00:00.000Z` }),
  };
}

describe("charts per GPU allocator setting", () => {
  const runs = [run(0), run(1)];
  const model = buildDashboardModel(runs, { generatedAt: "2026-10-03T00:00:00.000Z" });

  it("keeps the allocator axis on every series", () => {
    const tf = model.series.filter((s) => s.backend === "tensorflow");
    expect(tf.map((s) => s.gpuMemoryGrowth).sort()).toEqual([false, false, true, true]);
    expect(model.series.find((s) => s.backend === "wasm")?.gpuMemoryGrowth).toBeNull();
  });

  it("draws growth on and growth off in separate charts, one line per strategy in each", () => {
    const groups = groupByRun(model.series, model.axes);
    const tf = groups.filter((g) => g.backend === "tensorflow");
    expect(tf.map((g) => g.gpuMemoryGrowth)).toEqual([true, false]);
    for (const group of tf) {
      expect(group.series.map((s) => s.strategy)).toEqual(["in-memory", "generator"]);
      expect(new Set(group.series.map((s) => s.gpuMemoryGrowth))).toEqual(new Set([group.gpuMemoryGrowth]));
    }
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it("puts a run's per-epoch curves in the same groups", () => {
    const curves = buildRunCurves(runs[1]!.results, 1);
    const byGroup = new Map<string, string[]>();
    for (const cell of curves.cells) byGroup.set(groupKey(cell), [...(byGroup.get(groupKey(cell)) ?? []), cell.id]);
    expect(byGroup.get("dense/b32/tensorflow/growth-on")).toEqual([
      "dense/in-memory/b32/tensorflow/growth-on",
      "dense/generator/b32/tensorflow/growth-on",
    ]);
    expect(byGroup.get("dense/b32/tensorflow/growth-off")).toEqual([
      "dense/in-memory/b32/tensorflow/growth-off",
      "dense/generator/b32/tensorflow/growth-off",
    ]);
    expect(byGroup.get("dense/b32/wasm")).toEqual(["dense/in-memory/b32/wasm"]);
  });
});
