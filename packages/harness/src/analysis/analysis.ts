// Per-cell analysis: peaks, growth slopes after warm-up, and the stable / growing / leaking verdict. Pure.
import {
  formatBytes,
  formatPerEpoch,
  linearFit,
  mean,
  median,
  RSS_ONLY_GROWTH_FLOOR,
  rssOnlyGrowthFloor,
  tCritical99,
  typicalStep as typicalStepOf,
} from "@keras-mem-bench/metrics";
import type { BatchSample, CellGrowth, CellSummary, CellVerdict, EpochSample, EpochTiming, GrowthMemory } from "@keras-mem-bench/results";
import { DEFAULT_RETAINED_RULES, retainedTrend, type RetainedRules } from "./retained-trend.js";

/** The thresholds behind the verdict; documented in the harness README. */
export interface VerdictRules {
  /** Epoch samples needed after warm-up before a verdict is given. */
  minJudgedEpochs: number;
  /** leaking: tensors (or data ids) per epoch at least this, and the last count above the first judged one. */
  minCountSlope: number;
  /**
   * growing: the typical epoch's rise (median of the epoch-to-epoch steps) times the judged span must reach
   * max(minRiseBytes, minRiseFraction × the series' median).
   */
  minRiseBytes: number;
  minRiseFraction: number;
  /** growing: this share of epoch-to-epoch steps must go up. */
  minRisingStepShare: number;
  /**
   * growing on RSS alone (retained memory, tensor bytes, wasm and GPU memory flat): the typical epoch must also
   * add max(minRssOnlyStepBytes, minRssOnlyStepFraction × the RSS median); defaults and measurements in
   * @keras-mem-bench/metrics (RSS_ONLY_GROWTH_FLOOR). Below it such a rise is a note in the reason, not a verdict.
   */
  minRssOnlyStepBytes: number;
  minRssOnlyStepFraction: number;
}

export const DEFAULT_VERDICT_RULES: VerdictRules = {
  minJudgedEpochs: 3,
  minCountSlope: 0.5,
  minRiseBytes: 4 * 2 ** 20,
  minRiseFraction: 0.02,
  minRisingStepShare: 2 / 3,
  minRssOnlyStepBytes: RSS_ONLY_GROWTH_FLOOR.minStepBytes,
  minRssOnlyStepFraction: RSS_ONLY_GROWTH_FLOOR.minStepFraction,
};

export interface ByteTrend {
  label: string;
  /** Least-squares slope (what the summary reports). */
  slope: number;
  /** Median epoch-to-epoch change: what a typical epoch adds, untouched by a one-off jump. */
  typicalStep: number;
  /** typicalStep × the judged span. */
  typicalRise: number;
  floor: number;
  /** Slope ÷ its standard error; ∞ for an exact line. */
  t: number;
  tNeeded: number;
  risingSteps: number;
  steps: number;
  growing: boolean;
}

/**
 * Whether a bytes series keeps rising after warm-up beyond its own noise. All three must hold:
 * the least-squares slope is significantly above zero (one-sided 99% t test on the residuals), the typical
 * epoch adds enough bytes (median step × span ≥ floor; a single allocator jump, e.g. glibc or V8 taking
 * another chunk once, moves the median hardly at all), and most steps go up.
 */
export function byteTrend(
  label: string,
  epochs: readonly number[],
  values: readonly number[],
  rules: VerdictRules = DEFAULT_VERDICT_RULES,
): ByteTrend {
  const fit = linearFit(epochs, values);
  const span = epochs.length > 1 ? epochs[epochs.length - 1]! - epochs[0]! : 0;
  const stepValues: number[] = [];
  for (let i = 1; i < values.length; i++) stepValues.push((values[i]! - values[i - 1]!) / (epochs[i]! - epochs[i - 1]!));
  const typicalStep = typicalStepOf(epochs, values);
  const typicalRise = typicalStep * span;
  const floor = Math.max(rules.minRiseBytes, rules.minRiseFraction * Math.abs(median(values)));
  const t = fit.slope <= 0 ? 0 : fit.slopeStdError === 0 ? Infinity : fit.slope / fit.slopeStdError;
  const tNeeded = tCritical99(fit.n - 2);
  const risingSteps = stepValues.filter((d) => d > 0).length;
  const steps = stepValues.length;
  const growing =
    fit.slope > 0 && t >= tNeeded && typicalRise >= floor && steps > 0 && risingSteps >= Math.ceil(rules.minRisingStepShare * steps - 1e-9);
  return { label, slope: fit.slope, typicalStep, typicalRise, floor, t, tNeeded, risingSteps, steps, growing };
}

export interface CountTrend {
  label: string;
  slope: number;
  first: number;
  last: number;
  leaking: boolean;
}

/** Whether an exact count (tensors, data ids) rises per epoch after warm-up. */
export function countTrend(
  label: string,
  epochs: readonly number[],
  values: readonly number[],
  rules: VerdictRules = DEFAULT_VERDICT_RULES,
): CountTrend {
  const { slope } = linearFit(epochs, values);
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  return { label, slope, first, last, leaking: slope >= rules.minCountSlope && last > first };
}

export interface CellAnalysis {
  summary: CellSummary | null;
  verdict: CellVerdict | null;
  verdictReason: string;
  /** Every memory series judged after warm-up and whether it grows (absent when too few epochs to judge). */
  growth?: CellGrowth;
}

export interface AnalysisInput {
  samples: readonly EpochSample[];
  batchSamples: readonly BatchSample[];
  warmupEpochs: number;
  timing: EpochTiming | null;
  /** The process's RSS high-water mark when it ended, when known. */
  finalMaxRssBytes?: number | null;
  /** Highest GPU memory polled during the cell, when a GPU sampler ran. */
  peakGpuUsedBytes?: number | null;
  rules?: VerdictRules;
  retainedRules?: RetainedRules;
}

function maxOf(values: Iterable<number | null | undefined>): number | null {
  let best: number | null = null;
  for (const v of values) if (typeof v === "number" && (best === null || v > best)) best = v;
  return best;
}

/** The cell's largest step figures, from epoch samples and batch samples alike; none when no meter ran (v1 samples). */
function stepPeaksOf(
  samples: readonly EpochSample[],
  batchSamples: readonly BatchSample[],
): Pick<CellSummary, "peakStepTensorBytes" | "peakStepTensors" | "peakActivationBytes"> {
  const bytes = maxOf([...samples.map((s) => s.stepPeakBytes), ...batchSamples.map((s) => s.stepPeakBytes)]);
  if (bytes === null) return {};
  const tensors = maxOf([...samples.map((s) => s.stepPeakTensors), ...batchSamples.map((s) => s.stepPeakTensors)]);
  const activation = maxOf([
    ...samples.map((s) => s.activationBytes),
    ...batchSamples.map((s) =>
      s.stepPeakBytes === undefined || s.stepStartBytes === undefined ? undefined : s.stepPeakBytes - s.stepStartBytes,
    ),
  ]);
  return {
    peakStepTensorBytes: bytes,
    ...(tensors === null ? {} : { peakStepTensors: tensors }),
    ...(activation === null ? {} : { peakActivationBytes: activation }),
  };
}

function slopeOf(epochs: readonly number[], values: readonly number[]): number {
  return epochs.length >= 2 ? linearFit(epochs, values).slope : 0;
}

/** Peaks, slopes and verdict of one cell from its samples. */
export function analyseCell(input: AnalysisInput): CellAnalysis {
  const rules = input.rules ?? DEFAULT_VERDICT_RULES;
  const { samples, batchSamples, warmupEpochs } = input;
  if (samples.length === 0) return { summary: null, verdict: null, verdictReason: "no epoch finished: nothing to judge" };

  const judged = samples.filter((s) => s.epoch > warmupEpochs);
  const x = judged.map((s) => s.epoch);
  const series = (pick: (s: EpochSample) => number) => judged.map(pick);
  const dataIds = judged.every((s) => s.numDataIds !== null) ? series((s) => s.numDataIds!) : null;
  const wasm = judged.length > 0 && judged.every((s) => s.wasmHeapBytes !== null) ? series((s) => s.wasmHeapBytes!) : null;
  const gpu = judged.length > 0 && judged.every((s) => typeof s.gpuUsedBytes === "number") ? series((s) => s.gpuUsedBytes!) : null;
  const anyGpu = input.peakGpuUsedBytes != null || samples.some((s) => typeof s.gpuUsedBytes === "number");
  const times = samples.map((s) => s.timeMs);
  const losses = samples.map((s) => s.loss ?? null);

  const summary: CellSummary = {
    peakRssBytes: maxOf([
      ...samples.map((s) => s.rssBytes),
      ...samples.map((s) => s.maxRssBytes),
      ...batchSamples.map((s) => s.rssBytes),
      input.finalMaxRssBytes,
    ])!,
    peakHeapUsedBytes: maxOf([...samples.map((s) => s.heapUsedBytes), ...batchSamples.map((s) => s.heapUsedBytes)])!,
    peakNumTensors: maxOf([...samples.map((s) => s.numTensors), ...batchSamples.map((s) => s.numTensors)])!,
    peakNumBytes: maxOf([...samples.map((s) => s.numBytes), ...batchSamples.map((s) => s.numBytes)])!,
    peakWasmHeapBytes: maxOf([...samples.map((s) => s.wasmHeapBytes), ...batchSamples.map((s) => s.wasmHeapBytes)]),
    tensorsPerEpoch: slopeOf(
      x,
      series((s) => s.numTensors),
    ),
    dataIdsPerEpoch: dataIds ? slopeOf(x, dataIds) : null,
    numBytesPerEpoch: slopeOf(
      x,
      series((s) => s.numBytes),
    ),
    rssBytesPerEpoch: slopeOf(
      x,
      series((s) => s.rssBytes),
    ),
    heapBytesPerEpoch: slopeOf(
      x,
      series((s) => s.heapUsedBytes),
    ),
    externalBytesPerEpoch: slopeOf(
      x,
      series((s) => s.externalBytes),
    ),
    wasmHeapBytesPerEpoch: wasm ? slopeOf(x, wasm) : null,
    ...(anyGpu
      ? {
          peakGpuUsedBytes: maxOf([...samples.map((s) => s.gpuUsedBytes), input.peakGpuUsedBytes]),
          gpuBytesPerEpoch: gpu ? slopeOf(x, gpu) : null,
        }
      : {}),
    meanEpochMs: input.timing?.meanMs ?? mean(times),
    timing: input.timing,
    warmupEpochs,
    finalLoss: losses[losses.length - 1] ?? null,
    firstLoss: losses[0] ?? null,
    ...stepPeaksOf(samples, batchSamples),
  };

  if (judged.length < rules.minJudgedEpochs) {
    return {
      summary,
      verdict: null,
      verdictReason: `only ${judged.length} epoch${judged.length === 1 ? "" : "s"} after ${warmupEpochs} warm-up epoch${warmupEpochs === 1 ? "" : "s"}; ${rules.minJudgedEpochs} needed to judge growth`,
    };
  }
  const window = `epochs ${x[0]}–${x[x.length - 1]}`;

  // What the process keeps after the forced GC is judged against its own noise (retained-trend.ts); its
  // parts are judged the same way only to say which of them grows.
  const retainedRules = input.retainedRules ?? DEFAULT_RETAINED_RULES;
  // Every sampled part is judged over the same epochs; only its label and reading differ.
  const retainedOf = (label: string, read: (s: EpochSample) => number) => retainedTrend(label, x, series(read), retainedRules);
  const bytesOf = (label: string, read: (s: EpochSample) => number) => byteTrend(label, x, series(read), rules);
  const retained = retainedOf("retained (JS heap + external)", (s) => s.heapUsedBytes + s.externalBytes);
  const parts: Array<[GrowthMemory, ReturnType<typeof retainedTrend>]> = [
    ["jsHeap", retainedOf("JS heap", (s) => s.heapUsedBytes)],
    ["external", retainedOf("external", (s) => s.externalBytes)],
    ["arrayBuffers", retainedOf("ArrayBuffers", (s) => s.arrayBuffersBytes)],
  ];
  const rssTrend = bytesOf("RSS", (s) => s.rssBytes);
  const others: Array<[GrowthMemory, ByteTrend]> = [["tensorBytes", bytesOf("tensor bytes", (s) => s.numBytes)]];
  if (wasm) others.push(["wasmHeap", byteTrend("wasm heap", x, wasm, rules)]);
  if (gpu) others.push(["gpu", byteTrend("GPU memory", x, gpu, rules)]);
  // RSS growth that nothing the process reports explains counts only when it is too large for a fresh
  // process's code space and allocator arenas to fill (minRssOnlyStep*); smaller, it is a note.
  const explained = retained.growing || others.some(([, b]) => b.growing);
  const rssOnlyFloor = rssOnlyGrowthFloor(median(series((s) => s.rssBytes)), {
    minStepBytes: rules.minRssOnlyStepBytes,
    minStepFraction: rules.minRssOnlyStepFraction,
  });
  const rssCounts = rssTrend.growing && (explained || rssTrend.typicalStep >= rssOnlyFloor);
  const rss: ByteTrend = { ...rssTrend, growing: rssCounts };
  const bytes: Array<[GrowthMemory, ByteTrend]> = [["rss", rss], ...others];
  const growing = bytes.filter(([, b]) => b.growing).map(([, b]) => b);
  const growth: CellGrowth = {
    series: [
      { memory: "retained", bytesPerEpoch: retained.slope, growing: retained.growing },
      ...parts.map(([memory, p]) => ({ memory, bytesPerEpoch: p.slope, growing: p.growing })),
      ...bytes.map(([memory, b]) => ({ memory, bytesPerEpoch: b.slope, growing: b.growing })),
    ],
  };

  const counts = [
    countTrend(
      "tensors",
      x,
      series((s) => s.numTensors),
      rules,
    ),
  ];
  if (dataIds) counts.push(countTrend("data ids", x, dataIds, rules));
  const leaks = counts.filter((c) => c.leaking);
  if (leaks.length > 0) {
    const what = leaks
      .map((c) => `${c.label} ${formatPerEpoch(c.slope, c.label === "tensors" ? "tensors" : "data ids")} (${c.first} → ${c.last})`)
      .join(", ");
    return { summary, verdict: "leaking", verdictReason: `${what} over ${window}, after ${warmupEpochs} warm-up epochs`, growth };
  }

  if (retained.growing || growing.length > 0) {
    const what: string[] = [];
    if (retained.growing) {
      const which = parts.filter(([, p]) => p.growing).map(([, p]) => `${p.label} ${formatBytesPerEpoch(p.slope)}`);
      what.push(
        `${retained.label} ${formatBytesPerEpoch(retained.slope)} (typical epoch +${formatBytes(retained.typicalStep)}, ${formatBytes(retained.needed)}/epoch needed` +
          `${which.length > 0 ? `; ${which.join(", ")}` : ""})`,
      );
    }
    for (const b of growing)
      what.push(
        `${b.label} ${formatBytesPerEpoch(b.slope)} (typical epoch +${formatBytes(b.typicalStep)}, ${b.risingSteps} of ${b.steps} epochs up, t = ${formatT(b.t)})`,
      );
    return {
      summary,
      verdict: "growing",
      verdictReason: `${what.join("; ")} over ${window}, after ${warmupEpochs} warm-up epochs`,
      growth,
    };
  }
  const rssNote = rssTrend.growing
    ? `; RSS rises with nothing retained, tensor, wasm or GPU memory rising with it (typical epoch +${formatBytes(rssTrend.typicalStep)}, ` +
      `${formatBytes(rssOnlyFloor)} needed for RSS alone to count): a fresh process's code space and allocator arenas filling`
    : "";
  return {
    summary,
    verdict: "stable",
    verdictReason:
      `flat over ${window} after ${warmupEpochs} warm-up epochs: tensors ${formatPerEpoch(counts[0]!.slope, "tensors")}, ` +
      `RSS ${formatBytesPerEpoch(rss.slope)} (typical epoch ${rss.typicalStep >= 0 ? "+" : "−"}${formatBytes(Math.abs(rss.typicalStep))}, ` +
      `over the window ${formatBytes(rss.typicalRise)} vs ${formatBytes(rss.floor)} needed; t = ${formatT(rss.t)} vs ${formatT(rss.tNeeded)}; ` +
      `retained ${retained.slope >= 0 ? "+" : "−"}${formatBytes(Math.abs(retained.slope))}/epoch vs ${formatBytes(retained.needed)} needed)${rssNote}`,
    growth,
  };
}

const formatBytesPerEpoch = (bytesPerEpoch: number): string => formatPerEpoch(bytesPerEpoch, "bytes");

function formatT(t: number): string {
  return Number.isFinite(t) ? t.toFixed(1) : "∞";
}
