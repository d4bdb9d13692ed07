// The page's state lives in the URL hash so a view can be linked ("lstm, b256, growth, trends").
// Browser-safe and pure.
import type { CurveMetricKey, DashboardModel, TrendMetricKey } from "./model-types.js";
import { allOf, type SeriesFilter } from "./series-filter.js";

export type ViewName = "overview" | "trends" | "runs" | "matrix" | "cell";
export const VIEWS: readonly ViewName[] = ["overview", "trends", "runs", "matrix", "cell"];

export interface ViewState {
  view: ViewName;
  metric: TrendMetricKey;
  curve: CurveMetricKey;
  filter: SeriesFilter;
  /** Commit index for the run view; the newest when the hash names none. */
  commit: number;
  /** Cell id for the cell view. */
  cell: string | null;
  /** What the matrix view's heatmap shows (a key of model.matrix.heatmaps). */
  heatmap: string;
}

type ModelShape = Pick<DashboardModel, "axes" | "commits" | "trendMetrics" | "curveMetrics"> & Partial<Pick<DashboardModel, "matrix">>;

export function defaultViewState(model: ModelShape): ViewState {
  return {
    view: "overview",
    metric: model.trendMetrics[0]?.key ?? "peakRssBytes",
    curve: model.curveMetrics[0]?.key ?? "rssBytes",
    filter: allOf(model.axes),
    commit: model.commits.length - 1,
    cell: null,
    heatmap: model.matrix?.heatmaps[0]?.key ?? "step-peak",
  };
}

function pick<T extends string | number>(raw: string | null, allowed: readonly T[], parse: (s: string) => T): T[] | null {
  if (raw === null) return null;
  const wanted = new Set(
    raw
      .split(",")
      .filter((s) => s !== "")
      .map(parse),
  );
  return allowed.filter((v) => wanted.has(v));
}

/** Reads "#view=trends&metric=…&family=lstm,conv"; unknown or stale values fall back to defaults. */
export function parseViewState(hash: string, model: ModelShape): ViewState {
  const state = defaultViewState(model);
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const view = params.get("view");
  if (view && (VIEWS as readonly string[]).includes(view)) state.view = view as ViewName;
  const metric = params.get("metric");
  if (metric && model.trendMetrics.some((m) => m.key === metric)) state.metric = metric as TrendMetricKey;
  const curve = params.get("curve");
  if (curve && model.curveMetrics.some((m) => m.key === curve)) state.curve = curve as CurveMetricKey;
  const { axes } = model;
  state.filter.families = pick(params.get("family"), axes.families, String) ?? state.filter.families;
  state.filter.strategies = pick(params.get("strategy"), axes.strategies, String) ?? state.filter.strategies;
  state.filter.batchSizes = pick(params.get("batch"), axes.batchSizes, Number) ?? state.filter.batchSizes;
  state.filter.backends = pick(params.get("backend"), axes.backends, String) ?? state.filter.backends;
  state.filter.attentionOnly = params.get("attention") === "1";
  const commit = params.get("commit");
  if (commit) {
    const i = model.commits.findIndex((c) => c.label === commit || c.sha === commit);
    if (i >= 0) state.commit = i;
  }
  state.cell = params.get("cell");
  const heatmap = params.get("heatmap");
  // The model lists the heatmaps it has (the client bundle does not import the report package at run time).
  if (heatmap && model.matrix?.heatmaps.some((m) => m.key === heatmap)) state.heatmap = heatmap;
  if (state.view === "cell" && !state.cell) state.view = "overview";
  return state;
}

/** The inverse of parseViewState; leaves out what equals the default so links stay short. */
export function serializeViewState(state: ViewState, model: ModelShape): string {
  const defaults = defaultViewState(model);
  const params = new URLSearchParams();
  if (state.view !== defaults.view) params.set("view", state.view);
  if (state.metric !== defaults.metric) params.set("metric", state.metric);
  if (state.curve !== defaults.curve) params.set("curve", state.curve);
  const list = (key: string, values: readonly (string | number)[], all: readonly (string | number)[]) => {
    if (values.length !== all.length) params.set(key, values.join(","));
  };
  list("family", state.filter.families, model.axes.families);
  list("strategy", state.filter.strategies, model.axes.strategies);
  list("batch", state.filter.batchSizes, model.axes.batchSizes);
  list("backend", state.filter.backends, model.axes.backends);
  if (state.filter.attentionOnly) params.set("attention", "1");
  if (state.commit !== defaults.commit) {
    const label = model.commits[state.commit]?.label;
    if (label) params.set("commit", label);
  }
  if (state.view === "cell" && state.cell) params.set("cell", state.cell);
  if (state.heatmap !== defaults.heatmap) params.set("heatmap", state.heatmap);
  const text = params.toString();
  return text ? `#${text}` : "";
}
