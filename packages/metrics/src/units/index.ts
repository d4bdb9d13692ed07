export { formatNumber, formatPercent, MINUS, MISSING, significant, withSign } from "./format-number.js";
export {
  axisLabel,
  formatBytes,
  formatCount,
  formatDelta,
  formatDuration,
  formatPerEpoch,
  formatRate,
  formatValue,
  type CountNoun,
  type Unit,
} from "./format-quantity.js";
export { parseDuration, parseSize } from "./parse-quantity.js";
