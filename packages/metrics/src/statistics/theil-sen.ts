// A line one wild point cannot tilt, and the scatter of a series around its own trend.
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation } from "./median.js";

/**
 * Theil-Sen line: the median of all pairwise slopes, then the median intercept. Pairs with equal x
 * have no slope and are skipped; without any pair the slope is 0 (as linearFit's).
 */
export function theilSenFit(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  if (xs.length !== ys.length) throw new RangeError(`theilSenFit: ${xs.length} x values but ${ys.length} y values`);
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[j] !== xs[i]) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
    }
  }
  const slope = slopes.length === 0 ? 0 : median(slopes);
  const intercept = median(ys.map((y, k) => y - slope * xs[k]!));
  return { slope, intercept };
}

/**
 * Robust scatter of a series around its own trend, in the series' unit: 1.4826 × the MAD of the
 * residuals from a Theil-Sen line. Steady growth is not noise, so it is fitted out first; a single
 * outlier epoch moves neither the line nor the MAD much, unlike least squares and a standard deviation.
 * Below three points there is no scatter to see: 0.
 */
export function residualSpread(ys: readonly number[], xs?: readonly number[]): number {
  if (ys.length < 3) return 0;
  const x = xs ?? ys.map((_, k) => k);
  const fit = theilSenFit(x, ys);
  return MAD_TO_SIGMA * medianAbsoluteDeviation(ys.map((y, k) => y - (fit.intercept + fit.slope * x[k]!)));
}
