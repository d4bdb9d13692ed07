// Epoch time (wall and CPU): a change counts when the Mann-Whitney test on the per-epoch times after
// warm-up says the runs differ (p < timeAlpha) AND the median moved by at least timeMinChange. The test
// alone would flag tiny but consistent shifts; the effect size alone would flag one slow epoch.
import type { MetricDelta, MetricVerdict } from "./comparison-types.js";
import { formatDuration, formatMetricDelta, formatPercent } from "./format-units.js";
import { mannWhitneyU, smallestExactPValue } from "./mann-whitney.js";
import { relativeChange } from "./relative-change.js";
import { median } from "./robust-spread.js";

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

export interface TimeInput {
  /** Summary values shown in the table. */
  baseMeanMs: number | null;
  headMeanMs: number | null;
  baseSamplesPerSecond: number | null;
  headSamplesPerSecond: number | null;
  /** Per-epoch times after warm-up: what the test runs on. */
  baseTimes: number[];
  headTimes: number[];
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
export function judgeEpochTimes(what: string, baseTimes: number[], headTimes: number[], rule: TimeRule, runScatter: TimeRunScatter | null): TimeJudgement {
  if (baseTimes.length < 2 || headTimes.length < 2) {
    return { verdict: "unchanged", reason: `not tested: ${baseTimes.length} base and ${headTimes.length} head epochs after warm-up (the test needs 2 or more on each side)` };
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
  const scatter = runScatter ? `, run-to-run scatter ±${formatPercent(Math.exp(runScatter.log) - 1).slice(1)} across ${runScatter.cells} cells` : "";
  const counts = `counts at p < ${rule.timeAlpha} and ≥ ${formatPercent(slower).slice(1)} slower / ${formatPercent(faster).slice(1)} faster${scatter}`;
  if (!rule.checkTime) return { verdict: "unchanged", reason: `${moved}, ${stats}; time not judged for this cell (checkTime: false)` };
  if (smallestExactPValue(baseTimes.length, headTimes.length) >= rule.timeAlpha) {
    return { verdict: "unchanged", reason: `${moved}; too few epochs after warm-up (${baseTimes.length} vs ${headTimes.length}) for the test to reach p < ${rule.timeAlpha}` };
  }
  const significant = test.pValue < rule.timeAlpha;
  if (significant && change >= slower) return { verdict: "regression", reason: `${moved}, ${stats}; ${counts}` };
  if (significant && change <= -faster) return { verdict: "improvement", reason: `${moved}, ${stats}; ${counts}` };
  const why = significant ? "a real but small shift" : "within the runs' scatter";
  return { verdict: "unchanged", reason: `${moved}, ${stats}: ${why}; ${counts}` };
}

/** Returns the epoch-time delta and the throughput delta, which follows the same test. */
export function compareEpochTime(input: TimeInput, rule: TimeRule, runScatter: TimeRunScatter | null = null): [MetricDelta, MetricDelta] {
  const { baseMeanMs, headMeanMs } = input;
  const meanDelta = baseMeanMs !== null && headMeanMs !== null ? headMeanMs - baseMeanMs : null;
  const rateDelta = input.baseSamplesPerSecond !== null && input.headSamplesPerSecond !== null ? input.headSamplesPerSecond - input.baseSamplesPerSecond : null;
  const { verdict, reason } = judgeEpochTimes("epoch", input.baseTimes, input.headTimes, rule, runScatter);
  return [
    { metric: "meanEpochMs", base: baseMeanMs, head: headMeanMs, delta: meanDelta, relative: relativeChange(baseMeanMs, headMeanMs), verdict, reason },
    {
      metric: "samplesPerSecond",
      base: input.baseSamplesPerSecond,
      head: input.headSamplesPerSecond,
      delta: rateDelta,
      relative: relativeChange(input.baseSamplesPerSecond, input.headSamplesPerSecond),
      verdict,
      reason: rateDelta === null ? "not compared: a run has no throughput" : `${formatMetricDelta("samplesPerSecond", rateDelta)}; follows the epoch-time test`,
    },
  ];
}

/**
 * CPU time per epoch (user + system of the cell's process), by the same test as wall time. Work a change
 * adds shows here even when other jobs on the runner make wall times scatter. Base and head are the
 * medians after warm-up; results files from before CPU time was recorded are not compared.
 */
export function compareEpochCpuTime(baseTimes: number[] | null, headTimes: number[] | null, rule: TimeRule, runScatter: TimeRunScatter | null = null): MetricDelta {
  const base = baseTimes && baseTimes.length > 0 ? median(baseTimes) : null;
  const head = headTimes && headTimes.length > 0 ? median(headTimes) : null;
  const delta = base !== null && head !== null ? head - base : null;
  const metric = "epochCpuMs" as const;
  if (!baseTimes || !headTimes) {
    const missing = !baseTimes && !headTimes ? "neither run" : !baseTimes ? "only the head run" : "only the base run";
    return { metric, base, head, delta, relative: null, verdict: "unchanged", reason: `not compared: ${missing} recorded CPU time per epoch` };
  }
  const { verdict, reason } = judgeEpochTimes("epoch CPU", baseTimes, headTimes, rule, runScatter);
  return { metric, base, head, delta, relative: relativeChange(base, head), verdict, reason };
}
