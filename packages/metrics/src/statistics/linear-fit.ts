// Ordinary least squares, the one fit behind every growth slope (per-cell analysis, compare's slope
// noise, the noise benchmark).
import { mean } from "./median.js";

export interface LinearFit {
  slope: number;
  intercept: number;
  /** y − (intercept + slope · x), one per point. */
  residuals: number[];
  /** Standard error of the slope from the residuals; Infinity when the data cannot tell (see linearFit). */
  slopeStdError: number;
  /** Number of points fitted. */
  n: number;
}

/**
 * Least squares y = intercept + slope · x. The edge cases, chosen once for every caller:
 * - x and y of different lengths: throws a RangeError naming both counts (a caller bug, not data).
 * - Fewer than two distinct x (no points, one point, or all x equal): no line is defined, so slope 0
 *   ("no evidence of a trend", as a Theil-Sen fit without pairs says), intercept the mean of y (NaN
 *   without points), and slopeStdError Infinity: a slope test then never finds growth.
 * - Exactly two distinct points: the line is exact but says nothing about noise; slopeStdError is
 *   Infinity for the same reason (no residual degrees of freedom), not 0.
 * - Three or more points on a line (residuals at float-rounding size next to the data's scale):
 *   slopeStdError 0, so a perfect trend is certain rather than "rounding noise".
 */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError(`linearFit: ${n} x values but ${ys.length} y values`);
  const meanX = mean(xs);
  const meanY = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    sxx += (xs[k]! - meanX) ** 2;
    sxy += (xs[k]! - meanX) * (ys[k]! - meanY);
  }
  if (n < 2 || sxx === 0)
    return { slope: 0, intercept: meanY, residuals: ys.map((y) => y - meanY), slopeStdError: Number.POSITIVE_INFINITY, n };
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residuals = ys.map((y, k) => y - (intercept + slope * xs[k]!));
  if (n === 2) return { slope, intercept, residuals, slopeStdError: Number.POSITIVE_INFINITY, n };
  const ssr = residuals.reduce((s, r) => s + r * r, 0);
  // Relative to the data's scale, residuals this small are float rounding: treat the fit as exact.
  const scale = Math.max(...ys.map(Math.abs), 1);
  const exact = Math.sqrt(ssr / n) <= scale * 1e-12;
  return { slope, intercept, residuals, slopeStdError: exact ? 0 : Math.sqrt(ssr / (n - 2) / sxx), n };
}
