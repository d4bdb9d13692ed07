import { describe, expect, it } from "vitest";
import { buildDashboardModel } from "../src/dashboard-model.js";
import { defaultViewState, parseViewState, serializeViewState } from "../src/view-state.js";
import { sampleRuns } from "./_runs.js";

const model = buildDashboardModel(sampleRuns({ commits: 12 }).runs);

describe("view state in the URL hash", () => {
  it("writes nothing for the default view, so the plain URL is the overview", () => {
    expect(serializeViewState(defaultViewState(model), model)).toBe("");
    expect(parseViewState("", model)).toEqual(defaultViewState(model));
  });

  it("round-trips view, metric, filters, commit and cell", () => {
    const state = {
      ...defaultViewState(model),
      view: "runs" as const,
      metric: "rssBytesPerEpoch" as const,
      curve: "numTensors" as const,
      commit: 3,
      filter: { families: ["lstm", "conv"], strategies: ["generator"], batchSizes: [256], backends: ["wasm"], attentionOnly: true },
    };
    const hash = serializeViewState(state, model);
    expect(hash).toBe(
      `#view=runs&metric=rssBytesPerEpoch&curve=numTensors&family=lstm%2Cconv&strategy=generator&batch=256&attention=1&commit=${model.commits[3]?.label}`,
    );
    expect(parseViewState(hash, model)).toEqual(state);
  });

  it("ignores values the history does not have, and a cell view without a cell", () => {
    const state = parseViewState("#view=cell&metric=bogus&family=gru,lstm&batch=7,32&commit=nope", model);
    expect(state.view).toBe("overview");
    expect(state.metric).toBe("peakRssBytes");
    expect(state.filter.families).toEqual(["lstm"]);
    expect(state.filter.batchSizes).toEqual([32]);
    expect(state.commit).toBe(model.commits.length - 1);
  });

  it("keeps an emptied axis empty (the user unticked everything)", () => {
    const state = { ...defaultViewState(model), filter: { ...defaultViewState(model).filter, backends: [] } };
    expect(parseViewState(serializeViewState(state, model), model).filter.backends).toEqual([]);
  });
});
