export { linearFit, type LinearFit } from "./linear-fit.js";
export {
  erfc,
  exactUCounts,
  mannWhitneyU,
  midranks,
  smallestExactPValue,
  type MannWhitneyOptions,
  type MannWhitneyResult,
} from "./mann-whitney.js";
export { MAD_TO_SIGMA, mean, median, medianAbsoluteDeviation } from "./median.js";
export { tCritical99 } from "./t-quantiles.js";
export { residualSpread, theilSenFit } from "./theil-sen.js";
export { typicalStep } from "./typical-step.js";
