import { describe, expect, it } from "vitest";
import { buildDashboardModel } from "../src/dashboard-model.js";
import { allOf, filterSeries, groupByRun, needsAttention } from "../src/series-filter.js";
import { sampleRuns } from "./_runs.js";

const model = buildDashboardModel(sampleRuns({ commits: 30 }).runs);

describe("series filters", () => {
  it("shows everything by default and narrows by each axis", () => {
    const all = allOf(model.axes);
    expect(filterSeries(model.series, all)).toHaveLength(32);
    expect(filterSeries(model.series, { ...all, families: ["lstm"] })).toHaveLength(8);
    expect(filterSeries(model.series, { ...all, families: ["lstm"], batchSizes: [256] })).toHaveLength(4);
    expect(filterSeries(model.series, { ...all, strategies: ["generator", "tf-data"], backends: ["wasm"] })).toHaveLength(16);
    expect(filterSeries(model.series, { ...all, families: [] })).toHaveLength(0);
  });

  it("keeps the model's urgent-first order", () => {
    const shown = filterSeries(model.series, { ...allOf(model.axes), families: ["lstm"] });
    expect(shown[0]?.id).toBe("lstm/in-memory/b256/wasm");
    expect(shown.map((s) => s.id)).toEqual(model.series.filter((s) => s.family === "lstm").map((s) => s.id));
  });

  it("'needs attention' keeps cells that regressed at some commit or now crash, leak or grow", () => {
    const shown = filterSeries(model.series, { ...allOf(model.axes), attentionOnly: true });
    expect(shown.every(needsAttention)).toBe(true);
    expect(shown.map((s) => s.id).sort()).toEqual(
      [
        "conv/in-memory/b256/wasm",
        "conv/in-memory/b32/wasm",
        "dense/file-stream/b256/wasm",
        "dense/file-stream/b32/wasm",
        "depthwise-conv/tf-data/b32/wasm",
        "lstm/generator/b256/wasm",
        "lstm/in-memory/b256/wasm",
        "lstm/in-memory/b32/wasm",
      ].sort(),
    );
  });

  it("groups by family × batch size × backend with strategies in vocabulary order", () => {
    const groups = groupByRun(model.series, model.axes);
    expect(groups.map((g) => g.key)).toEqual([
      "dense/b32/wasm",
      "dense/b256/wasm",
      "lstm/b32/wasm",
      "lstm/b256/wasm",
      "conv/b32/wasm",
      "conv/b256/wasm",
      "depthwise-conv/b32/wasm",
      "depthwise-conv/b256/wasm",
    ]);
    expect(groups[3]?.series.map((s) => s.strategy)).toEqual(["in-memory", "generator", "tf-data", "file-stream"]);
    expect(groups[3]?.attention).toBe("regressed");
  });
});
