// Memory against batch size: a straight line through the measured peaks near the budget, and the batch
// size where that line meets the budget. Pure.
import type { AdviceProbe } from "@keras-mem-bench/results";
import { linearFit } from "@keras-mem-bench/metrics";

/** How many of the largest measured sizes the line goes through: the curve near the budget is what matters, and it bends. */
export const FIT_POINTS = 3;

export interface PeakLine {
  /** Bytes per sample of batch. */
  slope: number;
  /** Bytes at batch 0: the process, backend, model and data that do not scale with the batch. */
  intercept: number;
}

/**
 * The line through the FIT_POINTS largest batch sizes with a measured peak (fitting or not), or null when
 * fewer than two sizes were measured or memory does not rise with the batch (noise, or a flat curve).
 */
export function fitPeakLine(probes: readonly AdviceProbe[]): PeakLine | null {
  const measured = new Map<number, number>();
  for (const probe of probes) if (probe.peakBytes !== null) measured.set(probe.batchSize, probe.peakBytes);
  const points = [...measured].sort(([a], [b]) => a - b).slice(-FIT_POINTS);
  if (points.length < 2) return null;
  const fit = linearFit(
    points.map(([batch]) => batch),
    points.map(([, peak]) => peak),
  );
  return fit.slope > 0 ? { slope: fit.slope, intercept: fit.intercept } : null;
}

/** The (fractional) batch size at which the line reaches the budget. */
export function batchAtBudget(line: PeakLine, budgetBytes: number): number {
  return (budgetBytes - line.intercept) / line.slope;
}
