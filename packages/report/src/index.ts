export { compileCellPattern, matchesCellPattern } from "./cell-pattern.js";
export { compare } from "./compare.js";
export { compareTableMetrics } from "./compare-table-metrics.js";
export * from "./comparison-types.js";
export { computeDevicesRow, environmentRows } from "./environment-rows.js";
export { escapeMarkdown } from "./escape-markdown.js";
export { mergeResults, type ResultsPart } from "./merge-results.js";
export { noiseBand, type NoiseBand } from "./noise-band.js";
export { renderMarkdown, summaryLine, timeShiftLines, type MarkdownOptions } from "./render-markdown.js";
export { renderTerminal, stripControl, type TerminalOptions } from "./render-terminal.js";
export { MergeError, ThresholdsError, type ThresholdsProblem } from "./report-error.js";
export { growthLine, leakOriginsLine, NAMED_ORIGINS, originWhere } from "./leak-origin-words.js";
export { MIN_SLOPE_BYTES_PER_EPOCH } from "./rule-bytes.js";
export { sparkline, type SparklineOptions } from "./sparkline.js";
export { parseThresholdsText, readThresholdsFile } from "./thresholds-file.js";
export {
  DEFAULT_THRESHOLD_VALUES,
  DEFAULT_THRESHOLDS,
  parseThresholds,
  thresholdsForCell,
  type CellThresholds,
  type ThresholdValues,
  type Thresholds,
} from "./thresholds.js";
export { CLAIM_VERDICTS, type ClaimId, type ClaimResult, type ClaimVerdict } from "./claims/claim-types.js";
export { CLAIM_CHECKS, evaluateClaims } from "./claims/evaluate-claims.js";
export { claimsTally, renderClaimsTerminal, type ClaimsTerminalOptions } from "./claims/render-claims-terminal.js";
export { renderClaimsMarkdown, type ClaimsMarkdownOptions } from "./claims/render-claims-markdown.js";
export {
  HEATMAP_METRIC_INFO,
  HEATMAP_METRICS,
  heatmapGrid,
  heatmapValue,
  type HeatmapGrid,
  type HeatmapMetric,
  type HeatmapPanel,
  type HeatmapSquare,
} from "./heatmap/heatmap-grid.js";
export { rampColor, renderHeatmapSvg, type HeatmapSvgOptions } from "./heatmap/render-heatmap-svg.js";
