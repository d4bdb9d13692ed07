// Growth of what a process retains after the forced GC (JS heap used, external and ArrayBuffer bytes),
// judged against the series' own noise. These repeat within tens of KiB from epoch to epoch where RSS moves
// by MiB, so they can catch a leak RSS cannot see (256 KiB/epoch over the quick suite's 6 judged epochs).
// Robust on purpose: a transient buffer alive at every other epoch end (±2 MiB seen in tf-data and
// file-stream cells) or a single allocator jump must not read as growth. Pure.
import { median, residualSpread, theilSenFit } from "@keras-mem-bench/metrics";

export interface RetainedRules {
  /**
   * Smallest growth called a leak, per epoch: 3/4 of the 256 KiB/epoch the quick suite must catch. Every
   * cell's heap creeps while V8 keeps compiling and collecting type feedback, and external memory takes an
   * occasional step of 0.3–0.5 MiB that stays: up to 152 KiB/epoch (Theil-Sen, after warm-up) over 64
   * clean quick cells measured (32 through tsx, 32 compiled).
   */
  minBytesPerEpoch: number;
  /** The slope must also clear this many standard errors of itself (from the residual scatter). */
  noiseFactor: number;
}

export const DEFAULT_RETAINED_RULES: RetainedRules = {
  minBytesPerEpoch: 192 * 1024,
  noiseFactor: 3,
};

export interface RetainedTrend {
  label: string;
  /** Theil-Sen slope: the median of all pairwise slopes. */
  slope: number;
  /** Median epoch-to-epoch change: what a typical epoch adds. */
  typicalStep: number;
  /** 1.4826 × MAD of the residuals around the Theil-Sen line. */
  noise: number;
  /** What the slope had to reach: max(minBytesPerEpoch, noiseFactor × noise / √Σ(x − x̄)²). */
  needed: number;
  growing: boolean;
}

/**
 * Growing when the Theil-Sen slope reaches max(floor, noiseFactor × its standard error) and the typical
 * epoch adds at least half the floor: the second condition keeps one jump that stays (which tilts every
 * pairwise slope across it) from counting as steady growth.
 */
export function retainedTrend(
  label: string,
  epochs: readonly number[],
  values: readonly number[],
  rules: RetainedRules = DEFAULT_RETAINED_RULES,
): RetainedTrend {
  const { slope } = epochs.length >= 2 ? theilSenFit(epochs, values) : { slope: 0 };
  const steps: number[] = [];
  for (let i = 1; i < values.length; i++) steps.push((values[i]! - values[i - 1]!) / (epochs[i]! - epochs[i - 1]!));
  const typicalStep = steps.length > 0 ? median(steps) : 0;
  const noise = residualSpread(values, epochs);
  const meanX = epochs.reduce((a, b) => a + b, 0) / Math.max(1, epochs.length);
  const sxx = epochs.reduce((a, x) => a + (x - meanX) ** 2, 0);
  const standardError = sxx > 0 ? noise / Math.sqrt(sxx) : Infinity;
  const needed = Math.max(rules.minBytesPerEpoch, rules.noiseFactor * standardError);
  const growing = steps.length >= 2 && slope >= needed && typicalStep >= rules.minBytesPerEpoch / 2;
  return { label, slope, typicalStep, noise, needed, growing };
}
