// compare(base, head): matches cells by id and judges each one. Status changes decide first (a cell
// that crashes or lost a kernel is worse whatever its numbers), then a leak or growth verdict appearing, then
// each metric of the catalogue (@keras-mem-bench/metrics) by its compare rule: exact counts, bytes
// against noise, time by rank test + effect size.
import {
  MAD_TO_SIGMA,
  median,
  medianAbsoluteDeviation,
  metricDefinition,
  METRICS,
  rssOnlyGrowthFloor,
  typicalStep,
  type MetricDefinition,
  type MetricKey,
} from "@keras-mem-bench/metrics";
import { cellKeyOf, type Cell, type CellSummary, type EpochSample, type ResultsFile } from "@keras-mem-bench/results";
import {
  CELL_DELTA_VERDICTS,
  WORSE_VERDICTS,
  type CellComparison,
  type CellDeltaVerdict,
  type Comparison,
  type MetricDelta,
  type TimeShift,
} from "./comparison-types.js";
import { compareByteSlope, comparePeakBytes, type EpochSeries, type RunScatter } from "./rule-bytes.js";
import { compareCountSlope } from "./rule-counts.js";
import { compareExactBytes } from "./rule-exact-bytes.js";
import { compareEpochTimes, followTime, judgeTimeShift, type TimeRunScatter } from "./rule-time.js";
import { DEFAULT_THRESHOLDS, thresholdsForCell, type ThresholdValues, type Thresholds } from "./thresholds.js";

function warmupOf(cell: Cell, results: ResultsFile): number {
  return cell.summary?.warmupEpochs ?? results.suite.warmupEpochs;
}

type PerEpoch = (s: EpochSample) => number | null | undefined;

/** One per-epoch reading after warm-up, skipping epochs that lack it. */
function series(cell: Cell, warmup: number, pick: PerEpoch): EpochSeries {
  const epochs: number[] = [];
  const values: number[] = [];
  for (const sample of cell.samples) {
    if (sample.epoch <= warmup) continue;
    const value = pick(sample);
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    epochs.push(sample.epoch);
    values.push(value);
  }
  return { epochs, values };
}

/** Per-epoch times after warm-up; null when some epoch lacks the reading (results from before it was recorded). */
function epochTimes(cell: Cell, warmup: number, pick: PerEpoch): number[] | null {
  const after = cell.samples.filter((s) => s.epoch > warmup);
  const times = after.map(pick);
  return times.every((t): t is number => typeof t === "number") ? times : null;
}

/** Fewer cells than this and the run-to-run scatter is not estimated (a MAD of a handful is too rough). */
export const RUN_SCATTER_MIN_CELLS = 6;

/** Run-to-run scatter per metric whose rule uses one (bytes: relative; time: of the log median). */
interface RunScatters {
  bytes: Map<MetricKey, RunScatter>;
  time: Map<MetricKey, TimeRunScatter>;
}

interface Side {
  cell: Cell;
  summary: CellSummary;
  warmup: number;
}

interface Pair {
  base: Side;
  head: Side;
}

function scatterOf(values: number[]): number | null {
  if (values.length < RUN_SCATTER_MIN_CELLS) return null;
  return MAD_TO_SIGMA * medianAbsoluteDeviation(values);
}

/**
 * How far each metric moved between the two runs across all cells that ran in both (RSS, GPU memory,
 * epoch times). One run's epochs cannot show this (a process settles at a different RSS level each
 * start; a busier machine slows every epoch), so it widens those tolerances; for time it also gives the
 * change every cell shares (the median), which each cell is judged against. MAD-based: up to half the
 * cells may really change without moving it much.
 */
function runScatters(pairs: readonly Pair[]): RunScatters {
  const scatters: RunScatters = { bytes: new Map(), time: new Map() };
  for (const metric of METRICS) {
    const rule = metric.compare;
    if (!rule || !("runScatter" in rule) || !rule.runScatter) continue;
    const changes: number[] = [];
    for (const { base, head } of pairs) {
      if (rule.kind === "bytes-peak") {
        const b = metric.read(base.cell);
        const h = metric.read(head.cell);
        if (b !== null && h !== null && b > 0) changes.push(h / b - 1);
      } else if (metric.perEpoch) {
        const bt = epochTimes(base.cell, base.warmup, metric.perEpoch);
        const ht = epochTimes(head.cell, head.warmup, metric.perEpoch);
        if (bt && ht && bt.length >= 2 && ht.length >= 2 && median(bt) > 0 && median(ht) > 0)
          changes.push(Math.log(median(ht) / median(bt)));
      }
    }
    const sigma = scatterOf(changes);
    if (sigma === null) continue;
    if (rule.kind === "bytes-peak") scatters.bytes.set(metric.key, { relative: sigma, cells: changes.length });
    else scatters.time.set(metric.key, { shift: median(changes), log: sigma, cells: changes.length });
  }
  return scatters;
}

/** The change every cell shares, per time metric with a run scatter, judged by its catalogue entry's `shared`. */
function timeShifts(scatters: RunScatters, t: ThresholdValues): Map<MetricKey, TimeShift> {
  const shifts = new Map<MetricKey, TimeShift>();
  for (const [key, scatter] of scatters.time) {
    const rule = metricDefinition(key).compare;
    if (rule?.kind === "time-statistics") shifts.set(key, judgeTimeShift(key, rule.words, rule.shared, scatter, t));
  }
  return shifts;
}

function statusWords(cell: Cell): string {
  const detail = cell.error ? `: ${cell.error.kernel ? `missing kernel ${cell.error.kernel}` : cell.error.message}` : "";
  switch (cell.status) {
    case "ok":
      return "ran";
    case "unsupported":
      return `unsupported${detail}`;
    case "crashed":
      return `crashed${detail}`;
    case "error":
      return `failed${detail}`;
  }
}

/** Metric values side by side without judging them (a side did not run to the end). */
function unjudged(base: Cell | null, head: Cell | null, why: string): MetricDelta[] {
  const metrics: MetricDelta[] = [];
  for (const metric of METRICS) {
    // Values computed from the epochs (retained, CPU time) are only shown where a cell was judged.
    if (metric.fromSamples) continue;
    const b = base ? metric.read(base) : null;
    const h = head ? metric.read(head) : null;
    if (metric.optional && b === null && h === null) continue;
    metrics.push({
      metric: metric.key,
      base: b,
      head: h,
      delta: b !== null && h !== null ? h - b : null,
      relative: null,
      verdict: "unchanged",
      reason: `not judged: ${why}`,
    });
  }
  return metrics;
}

/** One metric of one cell by the metric's compare rule; `judged` holds the metrics judged before it. */
function judgeMetric(
  metric: MetricDefinition,
  pair: Pair,
  t: ThresholdValues,
  scatters: RunScatters,
  shifts: ReadonlyMap<MetricKey, TimeShift>,
  judged: ReadonlyMap<MetricKey, MetricDelta>,
): MetricDelta | null {
  const rule = metric.compare;
  if (!rule) return null;
  const { base, head } = pair;
  const b = metric.read(base.cell);
  const h = metric.read(head.cell);
  if (metric.optional && b === null && h === null) return null;
  const perEpoch = metric.perEpoch ?? (() => null);
  switch (rule.kind) {
    case "exact-count":
      return compareCountSlope(metric.key, b, h, t[rule.threshold]);
    case "exact-bytes":
      return compareExactBytes(metric.key, b, h, t.tensorBytesTolerance);
    case "bytes-peak": {
      const reference = rule.reference ? metricDefinition(rule.reference.metric).read(base.cell) : null;
      return comparePeakBytes(metric.key, b, h, series(base.cell, base.warmup, perEpoch), series(head.cell, head.warmup, perEpoch), t, {
        runScatter: rule.runScatter ? (scatters.bytes.get(metric.key) ?? null) : null,
        ...(rule.reference && reference !== null ? { reference: { bytes: reference, label: rule.reference.label } } : {}),
      });
    }
    case "bytes-slope":
      return compareByteSlope(
        metric.key,
        b,
        h,
        series(base.cell, base.warmup, perEpoch),
        series(head.cell, head.warmup, perEpoch),
        rule.peak(base.summary),
        t,
      );
    case "time-statistics":
      return compareEpochTimes(
        metric.key,
        rule.words,
        b,
        h,
        epochTimes(base.cell, base.warmup, perEpoch),
        epochTimes(head.cell, head.warmup, perEpoch),
        t,
        rule.runScatter ? (scatters.time.get(metric.key) ?? null) : null,
        shifts.get(metric.key) ?? null,
      );
    case "follows-time": {
      const source = judged.get(rule.of);
      return source ? followTime(metric.key, b, h, source) : null;
    }
  }
}

function judgeMetrics(pair: Pair, t: ThresholdValues, scatters: RunScatters, shifts: ReadonlyMap<MetricKey, TimeShift>): MetricDelta[] {
  const judged = new Map<MetricKey, MetricDelta>();
  for (const metric of METRICS) {
    const delta = judgeMetric(metric, pair, t, scatters, shifts, judged);
    if (delta) judged.set(metric.key, delta);
  }
  return [...judged.values()];
}

/** Whether a growing cell's judged series say only RSS grows; files without `growth` cannot say (false). */
function growsInRssOnly(cell: Cell): boolean {
  const growing = cell.growth?.series.filter((s) => s.growing) ?? [];
  return growing.length > 0 && growing.every((s) => s.memory === "rss");
}

/**
 * Whether the cell's `growing` verdict counts. One that rests on RSS alone counts only when its typical epoch
 * clears the RSS-only floor, as the harness now requires: files written before it (history, stored baselines)
 * call a fresh process's RSS creep growth, and comparing two of them must not turn that into a regression.
 */
function growthCounts(cell: Cell, warmup: number): boolean {
  if (cell.verdict !== "growing") return false;
  if (!growsInRssOnly(cell)) return true;
  const rss = series(cell, warmup, (s) => s.rssBytes);
  return typicalStep(rss.epochs, rss.values) >= rssOnlyGrowthFloor(median(rss.values));
}

function judgeCell(
  base: Cell,
  head: Cell,
  baseRun: ResultsFile,
  headRun: ResultsFile,
  t: ThresholdValues,
  scatters: RunScatters,
  shifts: ReadonlyMap<MetricKey, TimeShift>,
): Pick<CellComparison, "verdict" | "metrics" | "reasons"> {
  if (head.status !== "ok" || base.status !== "ok") {
    const metrics = unjudged(base, head, `base ${statusWords(base)}, head ${statusWords(head)}`);
    const change = `base ${statusWords(base)}; head ${statusWords(head)}`;
    if (head.status === "ok") return { verdict: "improvement", metrics, reasons: [`runs now (${change})`] };
    if (base.status === "ok") {
      if (head.status === "unsupported") return { verdict: "now-unsupported", metrics, reasons: [`now unsupported (${change})`] };
      return { verdict: "crashed", metrics, reasons: [`now ${head.status === "error" ? "fails" : "crashes"} (${change})`] };
    }
    return { verdict: "unchanged", metrics, reasons: [`did not run in either (${change})`] };
  }
  if (base.summary === null || head.summary === null) {
    const which = base.summary === null && head.summary === null ? "both runs" : base.summary === null ? "the base run" : "the head run";
    return {
      verdict: "unchanged",
      metrics: unjudged(base, head, `${which} measured too few epochs`),
      reasons: [`not judged: ${which} measured too few epochs`],
    };
  }

  const metrics = judgeMetrics(
    {
      base: { cell: base, summary: base.summary, warmup: warmupOf(base, baseRun) },
      head: { cell: head, summary: head.summary, warmup: warmupOf(head, headRun) },
    },
    t,
    scatters,
    shifts,
  );
  const worse: string[] = [];
  const better: string[] = [];
  if (head.verdict === "leaking" && base.verdict !== "leaking")
    worse.push(`leak verdict appeared (${base.verdict ?? "no verdict"} → leaking)${head.verdictReason ? `: ${head.verdictReason}` : ""}`);
  if (base.verdict === "leaking" && head.verdict !== null && head.verdict !== "leaking")
    better.push(`leak verdict gone (leaking → ${head.verdict})`);
  // The run and the PR gate agree: growth the run calls out is a regression when the base had none. The
  // harness's verdict keeps a fresh process's RSS creep out of `growing` (harness README, Verdicts); so does
  // growthCounts for older files. A base that grew in RSS alone hides no growth of retained, tensor, wasm or
  // GPU memory in head.
  const headGrows = growthCounts(head, warmupOf(head, headRun));
  const baseGrows = growthCounts(base, warmupOf(base, baseRun));
  const baseRssOnly = base.verdict === "growing" && growsInRssOnly(base);
  if (headGrows && base.verdict !== "leaking" && (!baseGrows || (baseRssOnly && !growsInRssOnly(head)))) {
    const was = baseRssOnly || base.verdict === "growing" ? "growing in RSS only" : (base.verdict ?? "no verdict");
    worse.push(`growth verdict appeared (${was} → growing)${head.verdictReason ? `: ${head.verdictReason}` : ""}`);
  }
  if (baseGrows && head.verdict === "stable") better.push("growth verdict gone (growing → stable)");
  for (const m of metrics) {
    // A metric that follows another's test (throughput) would say the same thing twice.
    if (metricDefinition(m.metric).compare?.kind === "follows-time") continue;
    if (m.verdict === "regression") worse.push(`${m.metric}: ${m.reason}`);
    if (m.verdict === "improvement") better.push(`${m.metric}: ${m.reason}`);
  }
  if (worse.length > 0) return { verdict: "regression", metrics, reasons: [...worse, ...better] };
  if (better.length > 0) return { verdict: "improvement", metrics, reasons: better };
  return { verdict: "unchanged", metrics, reasons: [] };
}

function emptyCounts(): Record<CellDeltaVerdict, number> {
  return { regression: 0, improvement: 0, unchanged: 0, new: 0, removed: 0, crashed: 0, "now-unsupported": 0 };
}

/** Compares every cell of `head` with the cell of the same id in `base`. Pure: no I/O, inputs untouched. */
export function compare(base: ResultsFile, head: ResultsFile, thresholds: Thresholds = DEFAULT_THRESHOLDS): Comparison {
  const baseCells = new Map(base.cells.map((c) => [c.id, c]));
  const headCells = new Map(head.cells.map((c) => [c.id, c]));
  const ids = [...new Set([...baseCells.keys(), ...headCells.keys()])];
  const bothRan = ids.flatMap((id): Pair[] => {
    const b = baseCells.get(id);
    const h = headCells.get(id);
    return b && h && b.status === "ok" && h.status === "ok" && b.summary && h.summary
      ? [
          {
            base: { cell: b, summary: b.summary, warmup: warmupOf(b, base) },
            head: { cell: h, summary: h.summary, warmup: warmupOf(h, head) },
          },
        ]
      : [];
  });
  const scatters = runScatters(bothRan);
  const shifts = timeShifts(scatters, thresholds.defaults);
  const cells: CellComparison[] = ids.map((id) => {
    const b = baseCells.get(id) ?? null;
    const h = headCells.get(id) ?? null;
    const key = (h ?? b) as Cell;
    const common = { id, ...cellKeyOf(key), base: b, head: h };
    if (b === null)
      return {
        ...common,
        verdict: "new",
        metrics: unjudged(null, h, "not in the base run"),
        reasons: [`not in the base run (head ${statusWords(key)})`],
      };
    if (h === null)
      return { ...common, verdict: "removed", metrics: unjudged(b, null, "not in the head run"), reasons: ["not in the head run"] };
    return { ...common, ...judgeCell(b, h, base, head, thresholdsForCell(thresholds, id), scatters, shifts) };
  });
  const rank = (v: CellDeltaVerdict) => CELL_DELTA_VERDICTS.indexOf(v);
  cells.sort((p, q) => rank(p.verdict) - rank(q.verdict) || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  const counts = emptyCounts();
  for (const cell of cells) counts[cell.verdict]++;
  const regressions = WORSE_VERDICTS.reduce((sum, v) => sum + counts[v], 0);
  return { cells, counts, regressions, timeShifts: [...shifts.values()], baseEnv: base.env, headEnv: head.env };
}
