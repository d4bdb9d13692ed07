// Byte metrics are noisy (allocator, GC timing, page cache), so a delta counts only when it clears
// both a minimum relative change and the noise the two runs show in their own epoch-to-epoch samples.
import {
  formatBytes,
  formatMetricDelta,
  formatMetricValue,
  formatPercent,
  linearFit,
  residualSpread,
  type MetricKey,
} from "@keras-mem-bench/metrics";
import type { MetricDelta } from "./comparison-types.js";
import { relativeChange } from "./relative-change.js";

/** Per-epoch readings after warm-up: epoch numbers and the values measured at their ends. */
export interface EpochSeries {
  epochs: number[];
  values: number[];
}

export interface ByteRule {
  bytesMinChange: number;
  bytesNoiseFactor: number;
}

/** Slopes below this never count, so a cell with an empty tensor pool cannot trip on a few bytes. */
export const MIN_SLOPE_BYTES_PER_EPOCH = 1024;

function unavailable(metric: MetricKey, base: number | null, head: number | null): MetricDelta {
  const missing = base === null && head === null ? "neither run" : base === null ? "only the head run" : "only the base run";
  return { metric, base, head, delta: null, relative: null, verdict: "unchanged", reason: `not compared: ${missing} measured it` };
}

/**
 * How much a metric moved between the two runs across all cells compared (robust sigma of the
 * cells' relative changes). It sees what one run's own epochs cannot: a process that settles at a
 * different RSS level each time it starts.
 */
export interface RunScatter {
  /** 1.4826 × MAD of (head / base − 1) over the cells. */
  relative: number;
  cells: number;
}

export interface PeakOptions {
  /** What the minimum change is a fraction of (default: the base value itself). */
  reference?: { bytes: number; label: string };
  runScatter?: RunScatter | null;
}

/**
 * Peak bytes: tolerance = max(bytesMinChange × reference, bytesNoiseFactor × noise), where noise
 * combines each run's epoch-to-epoch scatter (1.4826 × MAD of its readings after warm-up around a
 * Theil-Sen line) and, when given, the run-to-run scatter across cells scaled to this cell's base.
 */
export function comparePeakBytes(
  metric: MetricKey,
  base: number | null,
  head: number | null,
  baseSeries: EpochSeries,
  headSeries: EpochSeries,
  rule: ByteRule,
  options: PeakOptions = {},
): MetricDelta {
  if (base === null || head === null) return unavailable(metric, base, head);
  const delta = head - base;
  const relative = relativeChange(base, head);
  const epochNoise = Math.hypot(residualSpread(baseSeries.values, baseSeries.epochs), residualSpread(headSeries.values, headSeries.epochs));
  const runNoise = options.runScatter ? options.runScatter.relative * Math.abs(base) : 0;
  const noise = Math.hypot(epochNoise, runNoise);
  const reference = options.reference ?? { bytes: Math.abs(base), label: "base" };
  const floor = rule.bytesMinChange * reference.bytes;
  const tolerance = Math.max(floor, rule.bytesNoiseFactor * noise);
  const change = `${relative === null ? formatMetricDelta(metric, delta) : `${formatPercent(relative)} (${formatMetricDelta(metric, delta)})`}: ${formatMetricValue(metric, base)} → ${formatMetricValue(metric, head)}`;
  const noiseWords = options.runScatter
    ? `noise ${formatBytes(noise)} (epoch scatter ${formatBytes(epochNoise)}, run-to-run scatter ±${formatPercent(options.runScatter.relative).slice(1)} across ${options.runScatter.cells} cells)`
    : `noise ${formatBytes(noise)}`;
  const why = `tolerance ${formatBytes(tolerance)} = max(${formatPercent(rule.bytesMinChange).slice(1)} of ${reference.label}, ${rule.bytesNoiseFactor} × ${noiseWords})`;
  if (delta > tolerance) return { metric, base, head, delta, relative, verdict: "regression", reason: `${change}, beyond the ${why}` };
  if (-delta > tolerance) return { metric, base, head, delta, relative, verdict: "improvement", reason: `${change}, beyond the ${why}` };
  return { metric, base, head, delta, relative, verdict: "unchanged", reason: `${change}, within the ${why}` };
}

/**
 * Growth slopes (bytes/epoch): the change must add at least bytesMinChange × the base peak over the
 * measured epochs, and exceed bytesNoiseFactor × the combined standard error of the two fitted slopes.
 */
export function compareByteSlope(
  metric: MetricKey,
  base: number | null,
  head: number | null,
  baseSeries: EpochSeries,
  headSeries: EpochSeries,
  basePeak: number,
  rule: ByteRule,
): MetricDelta {
  if (base === null || head === null) return unavailable(metric, base, head);
  const delta = head - base;
  const relative = relativeChange(base, head);
  const standardError = (s: EpochSeries) => {
    const se = s.values.length >= 3 ? linearFit(s.epochs, s.values).slopeStdError : 0;
    return Number.isFinite(se) ? se : 0;
  };
  const noise = Math.hypot(standardError(baseSeries), standardError(headSeries));
  const measured = Math.max(headSeries.epochs.length, baseSeries.epochs.length);
  const span = Math.max(1, measured - 1);
  const floor = Math.max(MIN_SLOPE_BYTES_PER_EPOCH, (rule.bytesMinChange * Math.abs(basePeak)) / span);
  const tolerance = Math.max(floor, rule.bytesNoiseFactor * noise);
  const change = `${formatMetricDelta(metric, delta)} (${formatMetricValue(metric, base)} → ${formatMetricValue(metric, head)})`;
  const why =
    `tolerance ${formatMetricValue(metric, tolerance)} = max(${formatPercent(rule.bytesMinChange).slice(1)} of base peak ${formatBytes(basePeak)} over ${span} epoch${span === 1 ? "" : "s"}, ` +
    `${rule.bytesNoiseFactor} × slope noise ${formatMetricValue(metric, noise)})`;
  if (delta > tolerance) return { metric, base, head, delta, relative, verdict: "regression", reason: `${change}, beyond the ${why}` };
  if (-delta > tolerance) return { metric, base, head, delta, relative, verdict: "improvement", reason: `${change}, beyond the ${why}` };
  return { metric, base, head, delta, relative, verdict: "unchanged", reason: `${change}, within the ${why}` };
}
