export { compileCellPattern, matchesCellPattern } from "./cell-pattern.js";
export { compare } from "./compare.js";
export {
  CELL_DELTA_VERDICTS,
  METRIC_NAMES,
  WORSE_VERDICTS,
  type CellComparison,
  type CellDeltaVerdict,
  type Comparison,
  type MetricDelta,
  type MetricName,
  type MetricVerdict,
} from "./comparison-types.js";
export { environmentRows } from "./environment-rows.js";
export { escapeMarkdown } from "./escape-markdown.js";
export { formatBytes, formatDuration, formatMetricDelta, formatMetricValue, formatPercent, METRIC_INFO, type MetricInfo } from "./format-units.js";
export { erfc, exactUCounts, mannWhitneyU, midranks, smallestExactPValue, type MannWhitneyOptions, type MannWhitneyResult } from "./mann-whitney.js";
export { mergeResults, type ResultsPart } from "./merge-results.js";
export { renderMarkdown, summaryLine, type MarkdownOptions } from "./render-markdown.js";
export { renderTerminal, stripControl, type TerminalOptions } from "./render-terminal.js";
export { MergeError, ThresholdsError } from "./report-error.js";
export { linearFit, MAD_TO_SIGMA, median, medianAbsoluteDeviation, residualSpread, theilSenFit, type LinearFit } from "./robust-spread.js";
export { MIN_SLOPE_BYTES_PER_EPOCH } from "./rule-bytes.js";
export { sparkline, type SparklineOptions } from "./sparkline.js";
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
