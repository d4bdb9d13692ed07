export { buildDashboard, MODEL_FILE, SCRIPT_FILE, type BuildDashboardOptions, type BuildDashboardResult } from "./build-dashboard.js";
export { bundleClient, type ClientBundle } from "./bundle-client.js";
export { parseDashboardArgs, USAGE, type DashboardArgs } from "./dashboard-args.js";
export { DashboardError } from "./dashboard-error.js";
export { buildDashboardModel, buildRunCurves, cellState, modelAxes, runFileName, type BuildModelOptions, type DashboardRun, type RunCommit } from "./dashboard-model.js";
export { axisLabel, formatBytes, formatCount, formatMs, formatRelative, formatValue } from "./format-units.js";
export { loadHistoryRuns, loadResultsRuns, mergeRuns } from "./load-runs.js";
export { CURVE_METRICS, TREND_METRICS, type CurveMetric, type TrendMetric } from "./metrics.js";
export type * from "./model-types.js";
export {
  cellMarkers,
  DEFAULT_MARKER_THRESHOLDS,
  describeMarkerRule,
  thresholdMarkers,
  type CellMarker,
  type MarkerFinder,
  type MarkerThreshold,
  type MarkerThresholds,
} from "./regression-markers.js";
export { escapeHtml, renderHtml, type HtmlShellOptions } from "./render-html.js";
export { sampleHistory, writeSampleHistory, type InjectedRegression, type SampleHistory, type SampleHistoryOptions } from "./sample-history.js";
export { allOf, filterSeries, groupByRun, groupKey, needsAttention, type SeriesFilter, type SeriesGroup } from "./series-filter.js";
export { defaultViewState, parseViewState, serializeViewState, VIEWS, type ViewName, type ViewState } from "./view-state.js";
