import { parseThresholds } from "@keras-mem-bench/report";
import { syntheticCell, syntheticResults, type Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { buildDashboardModel, type DashboardRun } from "../src/dashboard-model.js";
import { compareMarkers, describeMarkerRule } from "../src/regression-markers.js";
import { sampleRuns } from "./_runs.js";

const key = { family: "lstm", strategy: "generator", batchSize: 256, backend: "wasm" };
const MiB = 2 ** 20;
const run = (day: number, cells: Cell[]): DashboardRun => ({
  commit: { sha: String(day).repeat(40), committedAt: `2026-10-0${day}T00:00:00Z`, message: null, url: null, ref: null, source: `d${day}` },
  results: syntheticResults(cells),
});

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

  it("words a marker shortly with units and keeps compare()'s reason as detail", () => {
    const base = syntheticCell(key, { baseRssBytes: 500 * MiB, noise: 0.002, seed: 1 });
    const head = syntheticCell(key, { baseRssBytes: 600 * MiB, noise: 0.002, seed: 2 });
    const [marker, ...rest] = compareMarkers()(syntheticResults([base]), syntheticResults([head]));
    // What the cell retains grew with it; compare() calls that worse too, so it is marked and named.
    expect(rest.map((m) => [m.metric, m.label])).toEqual([["retainedBytes", "Retained memory"]]);
    expect(marker).toMatchObject({ cellId: base.id, metric: "peakRssBytes", label: "Peak RSS" });
    expect(marker?.reason).toMatch(/^Peak RSS 50\d MiB → 60\d MiB \(\+(19|20)\.\d%\)$/);
    expect(marker?.detail).toContain("tolerance");
  });

  it("marks a cell that ran before and now crashes, naming why; not a cell that stays crashed", () => {
    const base = syntheticCell(key);
    const head: Cell = { ...syntheticCell(key), status: "crashed", verdict: null, summary: null, error: { message: "killed by SIGKILL" } };
    expect(compareMarkers()(syntheticResults([base]), syntheticResults([head]))).toMatchObject([
      { metric: "status", reason: "now crashed: killed by SIGKILL" },
    ]);
    expect(compareMarkers()(syntheticResults([head]), syntheticResults([head]))).toEqual([]);
  });

  it("follows the thresholds it is given, as the Action does", () => {
    const base = syntheticCell(key, { epochMs: 200, noise: 0.01, seed: 1 });
    const head = syntheticCell(key, { epochMs: 300, noise: 0.01, seed: 2 });
    const runs = [run(1, [base]), run(2, [head])];
    expect(buildDashboardModel(runs).series[0]?.markers.map((m) => m.metric)).toContain("meanEpochMs");
    const thresholds = parseThresholds({ defaults: { checkTime: false } }, "thresholds.json");
    const model = buildDashboardModel(runs, { thresholds });
    expect(model.series[0]?.markers).toEqual([]);
    expect(model.markerRule).toContain("epoch time not judged");
  });

  it("uses a MarkerFinder given in the options instead of compare()", () => {
    const a = syntheticCell(key);
    const model = buildDashboardModel([run(1, [a]), run(2, [a])], {
      findMarkers: (_b, head) =>
        head.cells.map((c) => ({
          cellId: c.id,
          metric: "meanEpochMs" as const,
          label: "Epoch time",
          base: 1,
          head: 2,
          relative: 1,
          reason: "custom",
          detail: "",
        })),
      markerRule: "custom rule",
    });
    expect(model.series[0]?.markers).toEqual([
      { commit: 1, metric: "meanEpochMs", label: "Epoch time", base: 1, head: 2, relative: 1, reason: "custom", detail: "" },
    ]);
    expect(model.markerRule).toBe("custom rule");
  });

  it("explains the rule in words with its numbers", () => {
    expect(describeMarkerRule()).toContain("bytes beyond max(5%, 5 × noise)");
    expect(describeMarkerRule()).toContain("≥ 10% and p < 0.01");
    const own = parseThresholds({ defaults: { bytesNoiseFactor: 8, timeMinChange: "15%" } }, "thresholds.json");
    expect(describeMarkerRule(own)).toContain("bytes beyond max(5%, 8 × noise)");
    expect(describeMarkerRule(own)).toContain("≥ 15% and p < 0.01");
  });
});
