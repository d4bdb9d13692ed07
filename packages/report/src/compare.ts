// compare(base, head): matches cells by id and judges each one. Status changes decide first (a cell
// that crashes or lost a kernel is worse whatever its numbers), then a leak verdict appearing, then
// the metric rules (exact counts, bytes against noise, time by rank test + effect size).
import type { Cell, CellSummary, ResultsFile } from "@keras-mem-bench/results";
import {
  CELL_DELTA_VERDICTS,
  WORSE_VERDICTS,
  type CellComparison,
  type CellDeltaVerdict,
  type Comparison,
  type MetricDelta,
  type MetricName,
} from "./comparison-types.js";
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation } from "./robust-spread.js";
import { compareByteSlope, comparePeakBytes, type EpochSeries, type RunScatter } from "./rule-bytes.js";
import { compareCountSlope } from "./rule-counts.js";
import { compareEpochCpuTime, compareEpochTime, type TimeRunScatter } from "./rule-time.js";
import { DEFAULT_THRESHOLDS, thresholdsForCell, type ThresholdValues, type Thresholds } from "./thresholds.js";

function warmupOf(cell: Cell, results: ResultsFile): number {
  return cell.summary?.warmupEpochs ?? results.suite.warmupEpochs;
}

/** One per-epoch reading after warm-up, skipping epochs that lack it. */
function series(cell: Cell, warmup: number, pick: (s: Cell["samples"][number]) => number | null | undefined): EpochSeries {
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

/** CPU ms per epoch after warm-up; null when the run did not record it (results from before it was). */
function cpuTimes(cell: Cell, warmup: number): number[] | null {
  const after = cell.samples.filter((s) => s.epoch > warmup);
  return after.every((s) => typeof s.cpuTimeMs === "number") ? after.map((s) => s.cpuTimeMs!) : null;
}

/** JS heap in use plus external memory (ArrayBuffers, wasm memory) at an epoch's end, after the forced GC. */
function retained(sample: Cell["samples"][number]): number {
  return sample.heapUsedBytes + sample.externalBytes;
}

/** Fewer cells than this and the run-to-run scatter is not estimated (a MAD of a handful is too rough). */
export const RUN_SCATTER_MIN_CELLS = 6;

interface RunScatters {
  rss: RunScatter | null;
  gpu: RunScatter | null;
  time: TimeRunScatter | null;
  cpu: TimeRunScatter | null;
}

function scatterOf(values: number[]): number | null {
  if (values.length < RUN_SCATTER_MIN_CELLS) return null;
  return MAD_TO_SIGMA * medianAbsoluteDeviation(values);
}

/**
 * How far RSS, GPU memory and epoch time moved between the two runs across all cells that ran in
 * both. One run's epochs cannot show this (a process settles at a different RSS level each start; a
 * busier machine slows every epoch), so it widens those tolerances. MAD-based: up to half the cells
 * may really change without moving it much.
 */
function runScatters(pairs: Array<{ base: Cell; head: Cell; baseRun: ResultsFile; headRun: ResultsFile }>): RunScatters {
  const rss: number[] = [];
  const gpu: number[] = [];
  const time: number[] = [];
  const cpu: number[] = [];
  for (const { base, head, baseRun, headRun } of pairs) {
    const bs = base.summary!;
    const hs = head.summary!;
    if (bs.peakRssBytes > 0) rss.push(hs.peakRssBytes / bs.peakRssBytes - 1);
    const bGpu = bs.peakGpuUsedBytes ?? null;
    const hGpu = hs.peakGpuUsedBytes ?? null;
    if (bGpu !== null && hGpu !== null && bGpu > 0) gpu.push(hGpu / bGpu - 1);
    const bt = series(base, warmupOf(base, baseRun), (s) => s.timeMs).values;
    const ht = series(head, warmupOf(head, headRun), (s) => s.timeMs).values;
    if (bt.length >= 2 && ht.length >= 2 && median(bt) > 0 && median(ht) > 0) time.push(Math.log(median(ht) / median(bt)));
    const bc = cpuTimes(base, warmupOf(base, baseRun));
    const hc = cpuTimes(head, warmupOf(head, headRun));
    if (bc && hc && bc.length >= 2 && hc.length >= 2 && median(bc) > 0 && median(hc) > 0) cpu.push(Math.log(median(hc) / median(bc)));
  }
  const relative = (values: number[]): RunScatter | null => {
    const sigma = scatterOf(values);
    return sigma === null ? null : { relative: sigma, cells: values.length };
  };
  const logScatter = (values: number[]): TimeRunScatter | null => {
    const sigma = scatterOf(values);
    return sigma === null ? null : { log: sigma, cells: values.length };
  };
  return { rss: relative(rss), gpu: relative(gpu), time: logScatter(time), cpu: logScatter(cpu) };
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
function unjudged(base: CellSummary | null, head: CellSummary | null, why: string): MetricDelta[] {
  const pick: Array<[MetricName, (s: CellSummary) => number | null | undefined]> = [
    ["peakRssBytes", (s) => s.peakRssBytes],
    ["retainedBytes", () => null],
    ["rssBytesPerEpoch", (s) => s.rssBytesPerEpoch],
    ["tensorsPerEpoch", (s) => s.tensorsPerEpoch],
    ["dataIdsPerEpoch", (s) => s.dataIdsPerEpoch],
    ["numBytesPerEpoch", (s) => s.numBytesPerEpoch],
    ["meanEpochMs", (s) => s.meanEpochMs],
    ["epochCpuMs", () => null],
    ["samplesPerSecond", (s) => s.timing?.samplesPerSecond],
    ["peakGpuUsedBytes", (s) => s.peakGpuUsedBytes],
  ];
  const metrics: MetricDelta[] = [];
  for (const [metric, get] of pick) {
    const b = base ? (get(base) ?? null) : null;
    const h = head ? (get(head) ?? null) : null;
    if ((metric === "peakGpuUsedBytes" || metric === "retainedBytes" || metric === "epochCpuMs") && b === null && h === null) continue;
    metrics.push({ metric, base: b, head: h, delta: b !== null && h !== null ? h - b : null, relative: null, verdict: "unchanged", reason: `not judged: ${why}` });
  }
  return metrics;
}

function peakRetained(cell: Cell): number | null {
  return cell.samples.length === 0 ? null : Math.max(...cell.samples.map(retained));
}

function judgeMetrics(base: Cell, head: Cell, bs: CellSummary, hs: CellSummary, baseRun: ResultsFile, headRun: ResultsFile, t: ThresholdValues, scatters: RunScatters): MetricDelta[] {
  const bw = warmupOf(base, baseRun);
  const hw = warmupOf(head, headRun);
  const rss = (c: Cell, w: number) => series(c, w, (s) => s.rssBytes);
  const kept = (c: Cell, w: number) => series(c, w, retained);
  const numBytes = (c: Cell, w: number) => series(c, w, (s) => s.numBytes);
  const metrics: MetricDelta[] = [
    comparePeakBytes("peakRssBytes", bs.peakRssBytes, hs.peakRssBytes, rss(base, bw), rss(head, hw), t, { runScatter: scatters.rss }),
    // Retained memory repeats within a few KiB from run to run where RSS moves by several percent, so a
    // change of what training holds shows here first. Judged against the process's size (base peak RSS).
    comparePeakBytes("retainedBytes", peakRetained(base), peakRetained(head), kept(base, bw), kept(head, hw), t, {
      reference: { bytes: bs.peakRssBytes, label: "base peak RSS" },
    }),
    compareByteSlope("rssBytesPerEpoch", bs.rssBytesPerEpoch, hs.rssBytesPerEpoch, rss(base, bw), rss(head, hw), bs.peakRssBytes, t),
    compareCountSlope("tensorsPerEpoch", bs.tensorsPerEpoch, hs.tensorsPerEpoch, t.tensorsPerEpoch),
    compareCountSlope("dataIdsPerEpoch", bs.dataIdsPerEpoch, hs.dataIdsPerEpoch, t.dataIdsPerEpoch),
    compareByteSlope("numBytesPerEpoch", bs.numBytesPerEpoch, hs.numBytesPerEpoch, numBytes(base, bw), numBytes(head, hw), bs.peakNumBytes, t),
    ...compareEpochTime(
      {
        baseMeanMs: bs.meanEpochMs,
        headMeanMs: hs.meanEpochMs,
        baseSamplesPerSecond: bs.timing?.samplesPerSecond ?? null,
        headSamplesPerSecond: hs.timing?.samplesPerSecond ?? null,
        baseTimes: series(base, bw, (s) => s.timeMs).values,
        headTimes: series(head, hw, (s) => s.timeMs).values,
      },
      t,
      scatters.time,
    ),
    compareEpochCpuTime(cpuTimes(base, bw), cpuTimes(head, hw), t, scatters.cpu),
  ];
  const bGpu = bs.peakGpuUsedBytes ?? null;
  const hGpu = hs.peakGpuUsedBytes ?? null;
  if (bGpu !== null || hGpu !== null) {
    const gpu = (c: Cell, w: number) => series(c, w, (s) => s.gpuUsedBytes);
    metrics.push(comparePeakBytes("peakGpuUsedBytes", bGpu, hGpu, gpu(base, bw), gpu(head, hw), t, { runScatter: scatters.gpu }));
  }
  return metrics;
}

function judgeCell(base: Cell, head: Cell, baseRun: ResultsFile, headRun: ResultsFile, t: ThresholdValues, scatters: RunScatters): Pick<CellComparison, "verdict" | "metrics" | "reasons"> {
  if (head.status !== "ok" || base.status !== "ok") {
    const metrics = unjudged(base.summary, head.summary, `base ${statusWords(base)}, head ${statusWords(head)}`);
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
    return { verdict: "unchanged", metrics: unjudged(base.summary, head.summary, `${which} measured too few epochs`), reasons: [`not judged: ${which} measured too few epochs`] };
  }

  const metrics = judgeMetrics(base, head, base.summary, head.summary, baseRun, headRun, t, scatters);
  const worse: string[] = [];
  const better: string[] = [];
  if (head.verdict === "leaking" && base.verdict !== "leaking") worse.push(`leak verdict appeared (${base.verdict ?? "no verdict"} → leaking)${head.verdictReason ? `: ${head.verdictReason}` : ""}`);
  if (base.verdict === "leaking" && head.verdict !== null && head.verdict !== "leaking") better.push(`leak verdict gone (leaking → ${head.verdict})`);
  for (const m of metrics) {
    // Throughput repeats the epoch-time test; listing it again would say the same thing twice.
    if (m.metric === "samplesPerSecond") continue;
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
  const bothRan = ids.flatMap((id) => {
    const b = baseCells.get(id);
    const h = headCells.get(id);
    return b && h && b.status === "ok" && h.status === "ok" && b.summary && h.summary ? [{ base: b, head: h, baseRun: base, headRun: head }] : [];
  });
  const scatters = runScatters(bothRan);
  const cells: CellComparison[] = ids.map((id) => {
    const b = baseCells.get(id) ?? null;
    const h = headCells.get(id) ?? null;
    const key = (h ?? b) as Cell;
    const common = { id, family: key.family, strategy: key.strategy, batchSize: key.batchSize, backend: key.backend, base: b, head: h };
    if (b === null) return { ...common, verdict: "new", metrics: unjudged(null, h?.summary ?? null, "not in the base run"), reasons: [`not in the base run (head ${statusWords(key)})`] };
    if (h === null) return { ...common, verdict: "removed", metrics: unjudged(b.summary, null, "not in the head run"), reasons: ["not in the head run"] };
    return { ...common, ...judgeCell(b, h, base, head, thresholdsForCell(thresholds, id), scatters) };
  });
  const rank = (v: CellDeltaVerdict) => CELL_DELTA_VERDICTS.indexOf(v);
  cells.sort((p, q) => rank(p.verdict) - rank(q.verdict) || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  const counts = emptyCounts();
  for (const cell of cells) counts[cell.verdict]++;
  const regressions = WORSE_VERDICTS.reduce((sum, v) => sum + counts[v], 0);
  return { cells, counts, regressions, baseEnv: base.env, headEnv: head.env };
}
