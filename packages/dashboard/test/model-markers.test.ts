import { syntheticCell, syntheticResults, type Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { buildDashboardModel } from "../src/dashboard-model.js";
import { cellMarkers, describeMarkerRule } from "../src/regression-markers.js";
import { sampleRuns } from "./_runs.js";

const key = { family: "lstm", strategy: "generator", batchSize: 256, backend: "wasm" };
const MiB = 2 ** 20;

describe("regression markers", () => {
  it("marks every injected regression of the sample history at its commit, and nothing else", () => {
    const { runs, history } = sampleRuns({ commits: 30 });
    const model = buildDashboardModel(runs);
    const found = model.series.flatMap((s) => s.markers.map((m) => `${m.commit} ${s.id} ${m.metric}`));
    for (const injected of history.injected) {
      for (const id of injected.cells) expect(found).toContain(`${injected.commit} ${id} ${injected.metric}`);
    }
    const injectedAt = new Set(history.injected.flatMap((r) => r.cells.map((id) => `${r.commit} ${id}`)));
    for (const marker of found) expect(injectedAt).toContain(marker.split(" ").slice(0, 2).join(" "));
  });

  it("needs both the relative and the absolute threshold", () => {
    const base = syntheticCell(key, { baseRssBytes: 100 * MiB, noise: 0 });
    // +14 MiB is +14% but under the 16 MiB floor; +20 MiB passes both.
    expect(cellMarkers(base, syntheticCell(key, { baseRssBytes: 114 * MiB, noise: 0 }))).toEqual([]);
    const marked = cellMarkers(base, syntheticCell(key, { baseRssBytes: 120 * MiB, noise: 0 }));
    expect(marked.map((m) => m.metric)).toEqual(["peakRssBytes"]);
    expect(marked[0]?.relative).toBeCloseTo(0.2, 2);
    expect(marked[0]?.reason).toBe("Peak RSS 100 MiB → 120 MiB (+20%)");
  });

  it("marks a drop in throughput and a rise in epoch time, never an improvement", () => {
    const base = syntheticCell(key, { epochMs: 200, noise: 0 });
    expect(cellMarkers(base, syntheticCell(key, { epochMs: 300, noise: 0 })).map((m) => m.metric)).toEqual(["meanEpochMs", "samplesPerSecond"]);
    expect(cellMarkers(base, syntheticCell(key, { epochMs: 100, noise: 0 }))).toEqual([]);
  });

  it("marks a cell that ran before and now crashes, naming why", () => {
    const base = syntheticCell(key);
    const head: Cell = { ...syntheticCell(key), status: "crashed", verdict: null, summary: null, error: { message: "killed by SIGKILL" } };
    expect(cellMarkers(base, head)).toEqual([{ cellId: base.id, metric: "status", base: null, head: null, relative: null, reason: "now crashed: killed by SIGKILL" }]);
    expect(cellMarkers(head, head)).toEqual([]);
  });

  it("uses a MarkerFinder given in the options instead of the default rule", () => {
    const a = syntheticCell(key);
    const runs = [0, 1].map((i) => ({ commit: { sha: `${i}`.repeat(40), committedAt: `2026-10-0${i + 1}`, message: null, url: null, ref: null, source: "x" }, results: syntheticResults([a]) }));
    const model = buildDashboardModel(runs, {
      findMarkers: (_b, head) => head.cells.map((c) => ({ cellId: c.id, metric: "meanEpochMs" as const, base: 1, head: 2, relative: 1, reason: "from compare" })),
      markerRule: "report compare",
    });
    expect(model.series[0]?.markers).toEqual([{ commit: 1, metric: "meanEpochMs", base: 1, head: 2, relative: 1, reason: "from compare" }]);
    expect(model.markerRule).toBe("report compare");
  });

  it("explains the rule in words with units", () => {
    expect(describeMarkerRule()).toContain("Peak RSS worse by > 10% and 16 MiB");
    expect(describeMarkerRule()).toContain("RSS growth worse by > 50% and 2 MiB/epoch");
  });
});
