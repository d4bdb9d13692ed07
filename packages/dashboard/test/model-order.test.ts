import { syntheticCell, syntheticResults, type Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { buildDashboardModel } from "../src/dashboard-model.js";
import { sampleRuns } from "./_runs.js";

const at = (day: number, cells: Cell[]) => ({
  commit: {
    sha: String(day).repeat(40).slice(0, 40),
    committedAt: `2026-10-0${day}T00:00:00Z`,
    message: null,
    url: null,
    ref: null,
    source: `d${day}`,
  },
  results: syntheticResults(cells),
});

describe("overview order", () => {
  it("puts cells that regressed in the newest run first, then crashed, leaking, growing, stable", () => {
    const k = (family: string) => ({ family, strategy: "generator", batchSize: 32, backend: "wasm" });
    const stable = syntheticCell(k("dense"));
    const growing = syntheticCell(k("lstm"), { rssBytesPerEpoch: 2 ** 20 });
    const leaking = syntheticCell(k("conv"), { tensorsPerEpoch: 3 });
    const crashed: Cell = {
      ...syntheticCell(k("depthwise-conv")),
      status: "crashed",
      verdict: null,
      summary: null,
      error: { message: "oom" },
    };
    const regressedBase = syntheticCell(k("gru"), { baseRssBytes: 100e6, noise: 0 });
    const regressed = syntheticCell(k("gru"), { baseRssBytes: 200e6, noise: 0 });
    const model = buildDashboardModel([
      at(1, [stable, growing, leaking, { ...crashed, status: "crashed" }, regressedBase]),
      at(2, [stable, growing, leaking, crashed, regressed]),
    ]);
    expect(model.series.map((s) => [s.family, s.attention])).toEqual([
      ["gru", "regressed"],
      ["depthwise-conv", "crashed"],
      ["conv", "leaking"],
      ["lstm", "growing"],
      ["dense", "stable"],
    ]);
  });

  it("sorts a cell missing from the newest run last, as removed", () => {
    const a = syntheticCell({ family: "dense", strategy: "generator", batchSize: 32, backend: "wasm" });
    const b = syntheticCell({ family: "dense", strategy: "tf-data", batchSize: 32, backend: "wasm" });
    const model = buildDashboardModel([at(1, [a, b]), at(2, [a])]);
    expect(model.series.map((s) => s.attention)).toEqual(["stable", "removed"]);
  });

  it("within a rank, the most recent regression comes first", () => {
    const { runs } = sampleRuns({ commits: 30 });
    const model = buildDashboardModel(runs);
    const stableWithMarkers = model.series.filter((s) => s.attention === "stable" && s.lastMarker >= 0);
    expect(stableWithMarkers.length).toBeGreaterThan(1);
    const order = stableWithMarkers.map((s) => s.lastMarker);
    expect(order).toEqual([...order].sort((x, y) => y - x));
    // They come before stable cells that never regressed.
    const firstQuiet = model.series.findIndex((s) => s.attention === "stable" && s.lastMarker < 0);
    expect(model.series.findIndex((s) => s === stableWithMarkers[stableWithMarkers.length - 1])).toBeLessThan(firstQuiet);
  });
});
