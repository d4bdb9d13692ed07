// The search for the largest batch size under a memory budget, over real probe cells. Every decision is a
// pure function of the probes so far; only `searchLargestBatch` runs probes (through the runner it is given).
//
// Two start probes give a line (memory against batch size); the line predicts the largest size under the
// budget; that size and the next one up verify the prediction. A prediction that misses is followed by a
// bisection step (or a jump up, while nothing has failed to fit), then by a new prediction from the probes
// nearest the budget, until a size that fits sits next to one that does not.
import type { Advice, AdviceOutcome, AdviceProbe, BudgetMetric, ProbeReason } from "@keras-mem-bench/results";
import { formatBytes } from "@keras-mem-bench/metrics";
import { floorToGrid, middle, nextDown, nextUp, type BatchGrid } from "./batch-grid.js";
import { batchAtBudget, fitPeakLine } from "./memory-fit.js";

export interface SearchPlan {
  grid: BatchGrid;
  budgetBytes: number;
  /** The first size probed (floored onto the grid). The second start probe is four times it. */
  startBatchSize: number;
  /** Stop after this many probes, with the bounds found so far. */
  maxProbes: number;
}

export interface ProbeRequest {
  batchSize: number;
  reason: ProbeReason;
}

/** How far the second start probe lies above the first: far enough apart for a slope above the noise. */
const START_SPREAD = 4;

/** The largest size known to fit and the smallest known not to. Probes stay between them, so they never cross. */
export function bounds(probes: readonly AdviceProbe[]): { fits: number | null; fails: number | null } {
  let fits: number | null = null;
  let fails: number | null = null;
  for (const p of probes) {
    if (p.fits === true && (fits === null || p.batchSize > fits)) fits = p.batchSize;
    if (p.fits === false && (fails === null || p.batchSize < fails)) fails = p.batchSize;
  }
  return { fits, fails };
}

/** A probe chosen by the line that came out the other way: it fitted when it was expected not to, or the reverse. */
function missed(probe: AdviceProbe): boolean {
  return (probe.reason === "predicted" && probe.fits === false) || (probe.reason === "next-up" && probe.fits === true);
}

/** The next size to probe, or null when the search is over (see `concludeSearch` for how it ended). */
export function nextProbe(probes: readonly AdviceProbe[], plan: SearchPlan): ProbeRequest | null {
  const { grid } = plan;
  if (probes.some((p) => p.fits === null) || probes.length >= plan.maxProbes) return null;
  if (probes.length === 0) return { batchSize: floorToGrid(grid, plan.startBatchSize), reason: "start" };
  const { fits, fails } = bounds(probes);
  if (fails === grid.min || fits === grid.max) return null;
  if (fits !== null && fails !== null && nextUp(grid, fits) === fails) return null;
  // The sizes still unknown: every candidate strictly between the bounds.
  const lower = fits === null ? grid.min : nextUp(grid, fits)!;
  const upper = fails === null ? grid.max : nextDown(grid, fails)!;
  const clamp = (size: number) => Math.min(upper, Math.max(lower, size));

  if (probes.length === 1 && fits !== null) return { batchSize: clamp(floorToGrid(grid, fits * START_SPREAD)), reason: "start" };
  const last = probes[probes.length - 1]!;
  const line = fitPeakLine(probes);
  const atBudget = line === null ? null : batchAtBudget(line, plan.budgetBytes);
  // A line that reaches the budget only at or beyond a size already measured not to fit is wrong up there.
  const overshoots = atBudget !== null && fails !== null && atBudget >= fails;
  if (atBudget !== null && !overshoots && !missed(last)) {
    // A line that meets the budget below the unknown sizes says the first of them does not fit: check it.
    return { batchSize: clamp(floorToGrid(grid, atBudget)), reason: fits !== null && atBudget < lower ? "next-up" : "predicted" };
  }
  if (fails === null) return { batchSize: clamp(floorToGrid(grid, fits! * START_SPREAD)), reason: "gallop" };
  return { batchSize: middle(grid, lower, upper), reason: "bisect" };
}

/** Runs one probe cell at a batch size and judges it (see probe-judgement.ts); null when the run was interrupted. */
export type ProbeRunner = (request: ProbeRequest) => Promise<AdviceProbe | null>;

export interface SearchRow {
  family: string;
  strategy: string;
  backend: string;
  gpuMemoryGrowth?: boolean | null;
  metric: BudgetMetric;
}

/** Probes until the search is over and returns the row's advice. Stops early, with what it has, when `signal` aborts. */
export async function searchLargestBatch(row: SearchRow, plan: SearchPlan, runProbe: ProbeRunner, signal?: AbortSignal): Promise<Advice> {
  const probes: AdviceProbe[] = [];
  for (let request = nextProbe(probes, plan); request !== null && !signal?.aborted; request = nextProbe(probes, plan)) {
    const probe = await runProbe(request);
    if (probe === null || signal?.aborted) break;
    probes.push(probe);
  }
  return concludeSearch(row, probes, plan);
}

const b = (size: number) => `b${size}`;

/** Headroom below this share of the budget is called out for noisy metrics (RSS, GPU). */
export const THIN_HEADROOM = 0.05;

function notFitting(probe: AdviceProbe, budgetBytes: number): string {
  if (probe.peakBytes !== null)
    return `${b(probe.batchSize)} needs ${formatBytes(probe.peakBytes)} (${formatBytes(probe.peakBytes - budgetBytes)} over)`;
  if (probe.error?.code === "KMB_MAX_RSS") return `${b(probe.batchSize)} was killed at the budget`;
  return `${b(probe.batchSize)} ran out of memory (${probe.error?.message ?? probe.status})`;
}

/** The row's advice from its probes: the outcome, the two sizes either side of the budget, and the reason in words. */
export function concludeSearch(row: SearchRow, probes: readonly AdviceProbe[], plan: SearchPlan): Advice {
  const { grid, budgetBytes } = plan;
  const { fits, fails } = bounds(probes);
  const fitting = fits === null ? undefined : probes.find((p) => p.batchSize === fits && p.fits === true);
  const failing = fails === null ? undefined : probes.find((p) => p.batchSize === fails && p.fits === false);
  const failed = probes.find((p) => p.fits === null);
  const peakBytes = fitting?.peakBytes ?? null;
  const fitsText = fitting
    ? `${b(fitting.batchSize)} fits (${peakBytes === null ? "no reading" : `${formatBytes(peakBytes)}, ${formatBytes(budgetBytes - peakBytes)} left`})`
    : "";

  let outcome: AdviceOutcome;
  let reason: string;
  if (failed) {
    outcome = "failed";
    reason = `${b(failed.batchSize)} ${failed.status}: ${failed.error?.message ?? "no message"}; this says nothing about memory, so the search stopped${fitsText ? ` (${fitsText})` : ""}`;
  } else if (fails === grid.min) {
    outcome = "below-smallest";
    reason = `the budget ${formatBytes(budgetBytes)} is below the smallest batch: ${notFitting(failing!, budgetBytes)}`;
  } else if (fits === grid.max) {
    outcome = "max-batch";
    reason = `${fitsText}; ${b(grid.max)} is --max-batch, larger sizes were not tried`;
  } else if (fits !== null && fails !== null && nextUp(grid, fits) === fails) {
    outcome = "fits";
    reason = `${fitsText}; ${notFitting(failing!, budgetBytes)}`;
    // Tensor bytes repeat exactly; RSS and GPU memory move by a few percent from one run to the next.
    if (row.metric !== "step" && peakBytes !== null && budgetBytes - peakBytes < THIN_HEADROOM * budgetBytes) {
      reason += `; headroom under ${100 * THIN_HEADROOM}%: this peak varies by a few percent from run to run, so b${fits} will not fit every time`;
    }
  } else {
    outcome = "probe-limit";
    const between = [fitsText, failing ? notFitting(failing, budgetBytes) : ""].filter((t) => t !== "").join("; ");
    reason = `--max-probes ${plan.maxProbes} used before the answer was pinned down${between ? `: ${between}` : ""}`;
  }
  return {
    family: row.family,
    strategy: row.strategy,
    backend: row.backend,
    ...(row.gpuMemoryGrowth === undefined || row.gpuMemoryGrowth === null ? {} : { gpuMemoryGrowth: row.gpuMemoryGrowth }),
    metric: row.metric,
    budgetBytes,
    outcome,
    largestBatchSize: fits,
    peakBytes,
    headroomBytes: peakBytes === null ? null : budgetBytes - peakBytes,
    nextBatchSize: fails,
    reason,
    probes: [...probes],
  };
}
