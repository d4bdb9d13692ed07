export { buildDashboard, MODEL_FILE, SCRIPT_FILE, type BuildDashboardOptions, type BuildDashboardResult } from "./build-dashboard.js";
export { bundleClient, type ClientBundle } from "./bundle-client.js";
export { parseDashboardArgs, USAGE, type DashboardArgs } from "./dashboard-args.js";
export { dashboardCommand } from "./dashboard-command.js";
export { DashboardError } from "./dashboard-error.js";
export {
  allocatorRank,
  buildDashboardModel,
  buildRunCurves,
  cellState,
  modelAxes,
  runFileName,
  type BuildModelOptions,
  type DashboardRun,
  type RunCommit,
} from "./dashboard-model.js";
export { loadHistoryRuns, loadResultsRuns, mergeRuns } from "./load-runs.js";
export { CURVE_METRICS, curveMetricInfo, TREND_METRICS, trendMetricInfo, type TrendMetric } from "./metrics.js";
export type * from "./model-types.js";
export { compareMarkers, describeMarkerRule, type CellMarker, type MarkerFinder } from "./regression-markers.js";
export { escapeHtml, renderHtml, type HtmlShellOptions } from "./render-html.js";
export {
  sampleHistory,
  writeSampleHistory,
  type InjectedRegression,
  type SampleHistory,
  type SampleHistoryOptions,
} from "./sample-history.js";
export { allOf, filterSeries, groupByRun, groupKey, needsAttention, type SeriesFilter, type SeriesGroup } from "./series-filter.js";
export { defaultViewState, parseViewState, serializeViewState, VIEWS, type ViewName, type ViewState } from "./view-state.js";
