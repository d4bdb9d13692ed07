import { describe, expect, it } from "vitest";
import { buildDashboardModel } from "../src/dashboard-model.js";
import { defaultViewState, parseViewState, serializeViewState } from "../src/view-state.js";
import { sampleRuns } from "./_runs.js";

const { runs } = sampleRuns({ commits: 4 });
const model = buildDashboardModel(runs);

describe("the matrix & claims view's model", () => {
  it("draws the newest run as a heatmap per figure, in the order the page offers them", () => {
    expect(model.matrix?.commit).toBe(runs.length - 1);
    expect(model.matrix?.heatmaps.map((m) => [m.key, m.label])).toEqual([
      ["step-peak", "step peak"],
      ["resident", "resident data"],
      ["peak-rss", "peak RSS"],
    ]);
    const newest = runs[runs.length - 1]!.results;
    for (const { svg } of model.matrix!.heatmaps) {
      expect(svg.startsWith("<svg ")).toBe(true);
      // Every finished cell of the newest run is a square with its value (the sample history is version 2).
      expect(svg.match(/<g class="heatmap-square value"/g)?.length).toBe(newest.cells.filter((c) => c.status === "ok").length);
    }
  });

  it("checks the articles' claims on the newest run, one entry per claim", () => {
    expect(model.matrix?.claims.map((c) => c.id)).toEqual([
      "whole-array-holds-dataset",
      "generator-keeps-a-batch",
      "tf-data-is-best",
      "memory-grows-with-batch",
      "lstm-hungrier-than-dense",
      "depthwise-cheaper-than-conv",
      "fit-grows-until-crash",
      "gpu-memory-growth",
    ]);
    expect(model.matrix?.claims.find((c) => c.id === "gpu-memory-growth")?.verdict).toBe("not measured here");
  });

  it("keeps the chosen figure in the URL hash, and ignores one the model does not have", () => {
    const state = { ...defaultViewState(model), view: "matrix" as const, heatmap: "peak-rss" };
    const hash = serializeViewState(state, model);
    expect(hash).toBe("#view=matrix&heatmap=peak-rss");
    expect(parseViewState(hash, model)).toEqual(state);
    expect(parseViewState("#view=matrix&heatmap=bogus", model).heatmap).toBe("step-peak");
  });
});
