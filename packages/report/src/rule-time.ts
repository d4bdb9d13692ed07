// Epoch time (wall and CPU): a change counts when the Mann-Whitney test on the per-epoch times after
// warm-up says the runs differ (p < timeAlpha) AND the median moved by at least timeMinChange. The test
// alone would flag tiny but consistent shifts; the effect size alone would flag one slow epoch.
// Where enough cells were compared, each cell is judged against the change every cell shares (the median
// over cells): a busier machine slows every cell alike, so that shared part is the machine, not the cell.
// The shared part is judged on its own: for wall time it is load and only shown; for CPU time, which load
// hardly moves, a shared change past timeShiftMinChange is the code (a PR that slows every cell).
import {
  formatDuration,
  formatMetricDelta,
  formatPercent,
  mannWhitneyU,
  median,
  metricDefinition,
  smallestExactPValue,
  type MetricKey,
  type TimeWords,
} from "@keras-mem-bench/metrics";
import type { MetricDelta, MetricVerdict, TimeShift } from "./comparison-types.js";
import { relativeChange } from "./relative-change.js";

export interface TimeRule {
  timeMinChange: number;
  timeAlpha: number;
  timeNoiseFactor: number;
  timeShiftMinChange: number;
  checkTime: boolean;
}

/** How one time metric moved across all cells that ran in both files, from each cell's ln(head median / base median). */
export interface TimeRunScatter {
  /** Median over the cells: the change every cell shares (machine load, or a change to all of them). */
  shift: number;
  /** 1.4826 × MAD around that median: how far one cell moves on its own between runs. */
  log: number;
  cells: number;
}

function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toFixed(3)}`;
}

interface TimeJudgement {
  verdict: MetricVerdict;
  reason: string;
}

/** The standard error of a median over n values with this scale: √(π/2) × σ / √n. */
function medianStandardError(log: number, cells: number): number {
  return (Math.sqrt(Math.PI / 2) * log) / Math.sqrt(cells);
}

/**
 * The change every compared cell shares. Machine load (wall time) is shown, never judged. A suite change
 * (CPU time) counts when the median cell moved by at least timeShiftMinChange and by more than
 * timeNoiseFactor standard errors of that median.
 */
export function judgeTimeShift(
  metric: MetricKey,
  words: TimeWords,
  shared: TimeShift["shared"],
  scatter: TimeRunScatter,
  rule: TimeRule,
): TimeShift {
  const change = Math.exp(scatter.shift) - 1;
  const together = `median ${words.median} of all ${scatter.cells} cells ${formatPercent(change)} together (one cell on its own ±${formatPercent(Math.exp(scatter.log) - 1).slice(1)})`;
  const shown = Math.abs(change) >= rule.timeMinChange;
  const shift = { metric, change, cells: scatter.cells, shared };
  if (shared === "machine-load")
    return {
      ...shift,
      verdict: "unchanged",
      shown,
      reason: `${together}: load on the machine or a change to every cell, CPU time tells them apart; each cell is judged against it`,
    };
  const floor = Math.max(Math.log(1 + rule.timeShiftMinChange), rule.timeNoiseFactor * medianStandardError(scatter.log, scatter.cells));
  const counts = `a shared change counts from ${formatPercent(Math.exp(floor) - 1).slice(1)}`;
  if (Math.abs(scatter.shift) >= floor) {
    const verdict = scatter.shift > 0 ? "regression" : "improvement";
    return {
      ...shift,
      verdict,
      shown: true,
      reason: `${together}: the suite got ${verdict === "regression" ? "slower" : "faster"}, not the machine (${counts})`,
    };
  }
  return { ...shift, verdict: "unchanged", shown, reason: `${together}: within what load moves it (${counts})` };
}

/**
 * The shared test on one kind of per-epoch time (wall or CPU): Mann-Whitney p < timeAlpha, and the median
 * moved by at least timeMinChange and by more than the runs' scatter across cells allows — both measured
 * against the change all cells share when a run scatter is given. A cell that moved with a suite change
 * (`suite`, judged by judgeTimeShift) counts with it when its own times moved by timeMinChange at p < timeAlpha.
 * `what` names the time in the reason ("epoch", "epoch CPU").
 */
export function judgeEpochTimes(
  what: string,
  baseTimes: number[],
  headTimes: number[],
  rule: TimeRule,
  runScatter: TimeRunScatter | null,
  suite: TimeShift | null = null,
): TimeJudgement {
  if (baseTimes.length < 2 || headTimes.length < 2) {
    return {
      verdict: "unchanged",
      reason: `not tested: ${baseTimes.length} base and ${headTimes.length} head epochs after warm-up (the test needs 2 or more on each side)`,
    };
  }
  const baseMedian = median(baseTimes);
  const headMedian = median(headTimes);
  const change = baseMedian > 0 ? headMedian / baseMedian - 1 : 0;
  const moved = `median ${what} ${formatPercent(change)} (${formatDuration(baseMedian)} → ${formatDuration(headMedian)})`;
  const epochs = `${headTimes.length} vs ${baseTimes.length} epochs after warm-up`;
  if (!rule.checkTime) {
    const test = mannWhitneyU(headTimes, baseTimes);
    return {
      verdict: "unchanged",
      reason: `${moved}, Mann-Whitney ${formatP(test.pValue)}, ${epochs}; time not judged for this cell (checkTime: false)`,
    };
  }
  if (smallestExactPValue(baseTimes.length, headTimes.length) >= rule.timeAlpha) {
    return {
      verdict: "unchanged",
      reason: `${moved}; too few epochs after warm-up (${baseTimes.length} vs ${headTimes.length}) for the test to reach p < ${rule.timeAlpha}`,
    };
  }
  // The cell's own change: its head times with the change all cells share taken out.
  const shift = runScatter?.shift ?? 0;
  const own = baseMedian > 0 ? (headMedian * Math.exp(-shift)) / baseMedian - 1 : 0;
  const test = mannWhitneyU(
    headTimes.map((t) => t * Math.exp(-shift)),
    baseTimes,
  );
  const against = runScatter
    ? `, ${formatPercent(own)} of its own against the ${formatPercent(Math.exp(shift) - 1)} all ${runScatter.cells} cells share`
    : "";
  const stats = `Mann-Whitney ${formatP(test.pValue)}, ${epochs}${against}`;
  // The own change must clear the minimum change and what one cell moves by across cells on its own.
  const slower = Math.max(rule.timeMinChange, runScatter ? Math.exp(rule.timeNoiseFactor * runScatter.log) - 1 : 0);
  const faster = Math.max(rule.timeMinChange, runScatter ? 1 - Math.exp(-rule.timeNoiseFactor * runScatter.log) : 0);
  const scatter = runScatter
    ? `, run-to-run scatter ±${formatPercent(Math.exp(runScatter.log) - 1).slice(1)} across ${runScatter.cells} cells`
    : "";
  const counts = `counts at p < ${rule.timeAlpha} and ≥ ${formatPercent(slower).slice(1)} slower / ${formatPercent(faster).slice(1)} faster${scatter}`;
  const significant = test.pValue < rule.timeAlpha;
  if (significant && own >= slower) return { verdict: "regression", reason: `${moved}, ${stats}; ${counts}` };
  if (significant && own <= -faster) return { verdict: "improvement", reason: `${moved}, ${stats}; ${counts}` };
  if (suite && suite.verdict !== "unchanged") {
    const raw = mannWhitneyU(headTimes, baseTimes);
    const withIt = suite.verdict === "regression" ? change >= rule.timeMinChange : change <= -rule.timeMinChange;
    if (raw.pValue < rule.timeAlpha && withIt)
      return {
        verdict: suite.verdict,
        reason: `${moved}, Mann-Whitney ${formatP(raw.pValue)}, ${epochs}; with the whole suite: ${suite.reason}`,
      };
  }
  const why = significant ? "a real but small shift" : "within the runs' scatter";
  return { verdict: "unchanged", reason: `${moved}, ${stats}: ${why}; ${counts}` };
}

/**
 * A time metric (wall or CPU time per epoch) by the shared test. `base` and `head` are the values shown
 * (mean or median); the times are the per-epoch readings after warm-up, null when a run did not record
 * them (results files from before CPU time was).
 */
export function compareEpochTimes(
  metric: MetricKey,
  words: TimeWords,
  base: number | null,
  head: number | null,
  baseTimes: number[] | null,
  headTimes: number[] | null,
  rule: TimeRule,
  runScatter: TimeRunScatter | null = null,
  suite: TimeShift | null = null,
): MetricDelta {
  const delta = base !== null && head !== null ? head - base : null;
  if (!baseTimes || !headTimes) {
    const missing = !baseTimes && !headTimes ? "neither run" : !baseTimes ? "only the head run" : "only the base run";
    return {
      metric,
      base,
      head,
      delta,
      relative: null,
      verdict: "unchanged",
      reason: `not compared: ${missing} recorded ${words.recorded}`,
    };
  }
  const { verdict, reason } = judgeEpochTimes(words.median, baseTimes, headTimes, rule, runScatter, suite);
  return { metric, base, head, delta, relative: relativeChange(base, head), verdict, reason };
}

/** A metric computed from the same epochs as a time metric (throughput): shown with that test's verdict. */
export function followTime(metric: MetricKey, base: number | null, head: number | null, source: MetricDelta): MetricDelta {
  const delta = base !== null && head !== null ? head - base : null;
  const reason =
    delta === null
      ? "not compared: a run has no throughput"
      : `${formatMetricDelta(metric, delta)}; follows the ${metricDefinition(source.metric).label} test`;
  return { metric, base, head, delta, relative: relativeChange(base, head), verdict: source.verdict, reason };
}
