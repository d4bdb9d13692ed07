// Spread of a run's own measurements, used as its noise floor: a delta smaller than the noise the
// runs show between their own epochs is not evidence of a change.

/** Scales a median absolute deviation to the standard deviation of a normal distribution. */
export const MAD_TO_SIGMA = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

export interface LinearFit {
  slope: number;
  intercept: number;
  residuals: number[];
  /** Standard error of the slope from the residuals (0 with two points or a perfect fit; NaN below two points). */
  slopeStdError: number;
}

/** Ordinary least squares y = intercept + slope · x. */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  if (xs.length !== ys.length) throw new RangeError(`linearFit: ${xs.length} x values but ${ys.length} y values`);
  const n = xs.length;
  if (n === 0) return { slope: Number.NaN, intercept: Number.NaN, residuals: [], slopeStdError: Number.NaN };
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    sxx += (xs[k]! - meanX) ** 2;
    sxy += (xs[k]! - meanX) * (ys[k]! - meanY);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residuals = ys.map((y, k) => y - (intercept + slope * xs[k]!));
  let slopeStdError = Number.NaN;
  if (n === 2) slopeStdError = 0;
  if (n > 2 && sxx > 0) {
    const ssr = residuals.reduce((s, r) => s + r * r, 0);
    slopeStdError = Math.sqrt(ssr / (n - 2) / sxx);
  }
  return { slope, intercept, residuals, slopeStdError };
}

/**
 * Theil-Sen line: the median of all pairwise slopes, then the median intercept. One wild point
 * cannot tilt it, unlike least squares.
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
 */
export function residualSpread(ys: readonly number[], xs?: readonly number[]): number {
  if (ys.length < 3) return 0;
  const x = xs ?? ys.map((_, k) => k);
  const fit = theilSenFit(x, ys);
  return MAD_TO_SIGMA * medianAbsoluteDeviation(ys.map((y, k) => y - (fit.intercept + fit.slope * x[k]!)));
}
