// Epoch time (wall and CPU): a change counts when the Mann-Whitney test on the per-epoch times after
// warm-up says the runs differ (p < timeAlpha) AND the median moved by at least timeMinChange. The test
// alone would flag tiny but consistent shifts; the effect size alone would flag one slow epoch.
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
import type { MetricDelta, MetricVerdict } from "./comparison-types.js";
import { relativeChange } from "./relative-change.js";

export interface TimeRule {
  timeMinChange: number;
  timeAlpha: number;
  timeNoiseFactor: number;
  checkTime: boolean;
}

/** Run-to-run scatter of epoch time across cells: 1.4826 × MAD of ln(head median / base median). */
export interface TimeRunScatter {
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

/**
 * The shared test on one kind of per-epoch time (wall or CPU): Mann-Whitney p < timeAlpha, and the
 * median moved by at least timeMinChange and by more than the runs' scatter across cells allows.
 * `what` names the time in the reason ("epoch", "epoch CPU").
 */
export function judgeEpochTimes(
  what: string,
  baseTimes: number[],
  headTimes: number[],
  rule: TimeRule,
  runScatter: TimeRunScatter | null,
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
  const test = mannWhitneyU(headTimes, baseTimes);
  const moved = `median ${what} ${formatPercent(change)} (${formatDuration(baseMedian)} → ${formatDuration(headMedian)})`;
  const stats = `Mann-Whitney ${formatP(test.pValue)}, ${test.nB} vs ${test.nA} epochs after warm-up`;
  // The median must clear the minimum change and, where many cells were compared, what the runs'
  // medians moved by across cells (a busier machine shifts every cell; one cell's shift within that is noise).
  const slower = Math.max(rule.timeMinChange, runScatter ? Math.exp(rule.timeNoiseFactor * runScatter.log) - 1 : 0);
  const faster = Math.max(rule.timeMinChange, runScatter ? 1 - Math.exp(-rule.timeNoiseFactor * runScatter.log) : 0);
  const scatter = runScatter
    ? `, run-to-run scatter ±${formatPercent(Math.exp(runScatter.log) - 1).slice(1)} across ${runScatter.cells} cells`
    : "";
  const counts = `counts at p < ${rule.timeAlpha} and ≥ ${formatPercent(slower).slice(1)} slower / ${formatPercent(faster).slice(1)} faster${scatter}`;
  if (!rule.checkTime) return { verdict: "unchanged", reason: `${moved}, ${stats}; time not judged for this cell (checkTime: false)` };
  if (smallestExactPValue(baseTimes.length, headTimes.length) >= rule.timeAlpha) {
    return {
      verdict: "unchanged",
      reason: `${moved}; too few epochs after warm-up (${baseTimes.length} vs ${headTimes.length}) for the test to reach p < ${rule.timeAlpha}`,
    };
  }
  const significant = test.pValue < rule.timeAlpha;
  if (significant && change >= slower) return { verdict: "regression", reason: `${moved}, ${stats}; ${counts}` };
  if (significant && change <= -faster) return { verdict: "improvement", reason: `${moved}, ${stats}; ${counts}` };
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
  const { verdict, reason } = judgeEpochTimes(words.median, baseTimes, headTimes, rule, runScatter);
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
