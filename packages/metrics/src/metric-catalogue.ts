// The metric catalogue: every number a cell is judged or shown by, once. The terminal run table
// (`kmb run`), compare() with its terminal and markdown tables, and the dashboard's trend and curve
// charts all read these entries; none keeps its own list. Adding a metric: add its key to MetricKey
// (metric-keys.ts) and its entry to SUMMARY_METRICS (or EPOCH_METRICS for a per-epoch reading); only a new compare
// rule kind needs code elsewhere (packages/report/src/rule-*.ts). See the package README.
import type { Cell, EpochSample } from "@keras-mem-bench/results";
import { median } from "./statistics/median.js";
import type { EpochMetricKey, MetricKey } from "./metric-keys.js";
import type { Unit } from "./units/format-quantity.js";

/** The thresholds-file keys that set an exact count's rule (packages/report/src/thresholds.ts). */
export type CountThresholdKey = "tensorsPerEpoch" | "dataIdsPerEpoch";

/**
 * How compare() judges a metric, by kind; each kind is implemented once in packages/report:
 * - `exact-count` (rule-counts.ts): deterministic counts; a change of `threshold` or more counts, no noise allowance.
 * - `exact-bytes` (rule-exact-bytes.ts): deterministic tensor bytes (the engine's own accounting, the same on every
 *   run of the same code); any change beyond the `tensorBytesTolerance` threshold counts, no noise allowance.
 * - `bytes-peak` (rule-bytes.ts): a peak in bytes against max(minimum change, noise factor × the runs' noise);
 *   `runScatter` adds how far this metric moved across all cells of the comparison; `reference` judges
 *   the minimum change against another metric of the base run instead of the value itself.
 * - `bytes-slope` (rule-bytes.ts): a fitted bytes/epoch slope against its standard error and a share of `peak`.
 * - `time-statistics` (rule-time.ts): Mann-Whitney on the per-epoch readings plus a minimum change of the median,
 *   each cell judged against the change all cells share; `shared` says what that shared change is: `machine-load`
 *   (wall time: a busier or quieter machine moves every cell; shown, never a regression) or `suite-change` (CPU
 *   time, which load hardly moves: past a minimum it is the code, and the cells that moved with it count).
 * - `follows-time`: shown with the verdict of the time metric `of` (same samples, same test).
 */
export type CompareRule =
  | { kind: "exact-count"; threshold: CountThresholdKey }
  | { kind: "exact-bytes" }
  | { kind: "bytes-peak"; runScatter: boolean; reference?: { metric: MetricKey; label: string } }
  | { kind: "bytes-slope"; peak: (summary: NonNullable<Cell["summary"]>) => number }
  | { kind: "time-statistics"; runScatter: boolean; shared: "machine-load" | "suite-change"; words: TimeWords }
  | { kind: "follows-time"; of: MetricKey };

export type CompareRuleKind = CompareRule["kind"];

/** How compare's reasons name a time metric: "median epoch CPU +20%", "only the head run recorded CPU time per epoch". */
export interface TimeWords {
  median: string;
  recorded: string;
}

/** Where a metric appears. */
export interface MetricPlaces {
  /** A column of the table `kmb run` prints after a run. */
  runTable: boolean;
  /** A column of compare's terminal and markdown tables; "when-measured": only when some cell has it. */
  compareTable: boolean | "when-measured";
  /**
   * A trend chart of the dashboard (across commits). `quietFloor` is the smallest span its y axis
   * shows, in the metric's unit, on top of compare's own noise band from the thresholds' defaults.
   */
  trends: { quietFloor: number } | null;
}

export interface MetricDefinition {
  key: MetricKey;
  /** Short label for table headers and reasons, lower case: "peak RSS". */
  label: string;
  /** Title for charts, legends and markers: "Peak RSS". */
  title: string;
  /** One sentence for people: what is measured and when. */
  description: string;
  unit: Unit;
  /** Which direction is better: decides whether a rise or a drop is a regression. */
  better: "lower" | "higher";
  /** The cell's value; null when the cell did not produce it (crashed, unsupported, too few epochs, older file). */
  read(cell: Cell): number | null;
  /** True when `read` looks at the per-epoch samples rather than the summary (such values are not shown for cells that were not judged). */
  fromSamples: boolean;
  /** The per-epoch reading behind the value, where there is one: what noise and tests look at. */
  perEpoch: ((sample: EpochSample) => number | null | undefined) | null;
  /** How compare() judges it; null: shown, never judged. */
  compare: CompareRule | null;
  /** True when only some runs have it (e.g. a GPU): compare lists it only when either side measured it. */
  optional: boolean;
  shownIn: MetricPlaces;
}

type Entry = Omit<MetricDefinition, "key">;

const MiB = 2 ** 20;

/** JS heap in use plus external memory (ArrayBuffers, wasm memory) at an epoch's end, after the forced GC. */
function retainedAt(sample: EpochSample): number {
  return sample.heapUsedBytes + sample.externalBytes;
}

/** A figure of the cell's memoryParts (results version 2); null in older files and where it was not measured. */
const part =
  (key: keyof NonNullable<Cell["memoryParts"]>) =>
  (cell: Cell): number | null =>
    cell.memoryParts?.[key] ?? null;

const EXACT_BYTES: CompareRule = { kind: "exact-bytes" };

const afterWarmup = (cell: Cell): EpochSample[] => {
  const warmup = cell.summary?.warmupEpochs ?? 0;
  return cell.samples.filter((s) => s.epoch > warmup);
};

const SUMMARY_METRICS: { [K in MetricKey]: Entry } = {
  peakRssBytes: {
    label: "peak RSS",
    title: "Peak RSS",
    description: "Highest resident set size of the cell's process over all epochs.",
    unit: "bytes",
    better: "lower",
    read: (cell) => cell.summary?.peakRssBytes ?? null,
    fromSamples: false,
    perEpoch: (s) => s.rssBytes,
    compare: { kind: "bytes-peak", runScatter: true },
    optional: false,
    shownIn: { runTable: true, compareTable: true, trends: { quietFloor: 8 * MiB } },
  },
  // Tensor bytes from the engine's accounting (results version 2): exact for the same code, so judged exactly.
  // Optional: version-1 files lack them, and compare lists them only when either side measured them.
  peakStepTensorBytes: {
    label: "step peak",
    title: "Step peak",
    description: "Highest live tensor bytes inside one training step (forward, backward, optimizer update), over all steps.",
    unit: "bytes",
    better: "lower",
    read: (cell) => cell.summary?.peakStepTensorBytes ?? null,
    fromSamples: false,
    perEpoch: (s) => s.stepPeakBytes,
    compare: EXACT_BYTES,
    optional: true,
    shownIn: { runTable: true, compareTable: "when-measured", trends: { quietFloor: 0 } },
  },
  peakActivationBytes: {
    label: "activations",
    title: "Step activations",
    description:
      "What one step adds on top of the tensors live before it (step peak minus the bytes live when it began), largest over all steps.",
    unit: "bytes",
    better: "lower",
    read: (cell) => cell.summary?.peakActivationBytes ?? null,
    fromSamples: false,
    perEpoch: (s) => s.activationBytes,
    compare: EXACT_BYTES,
    optional: true,
    shownIn: { runTable: false, compareTable: "when-measured", trends: null },
  },
  retainedBytes: {
    label: "retained",
    title: "Retained memory",
    description:
      "Peak over the epochs of what training holds after the forced GC at each epoch end: JS heap used plus external (ArrayBuffers, wasm memory).",
    unit: "bytes",
    better: "lower",
    read: (cell) => (cell.samples.length === 0 ? null : Math.max(...cell.samples.map(retainedAt))),
    fromSamples: true,
    perEpoch: retainedAt,
    // Retained memory repeats within a few KiB from run to run where RSS moves by several percent, so a
    // change of what training holds shows here first. Judged against the process's size (base peak RSS).
    compare: { kind: "bytes-peak", runScatter: false, reference: { metric: "peakRssBytes", label: "base peak RSS" } },
    optional: false,
    shownIn: { runTable: false, compareTable: true, trends: null },
  },
  rssBytesPerEpoch: {
    label: "RSS growth",
    title: "RSS growth",
    description: "Least-squares slope of RSS after warm-up: how much memory each epoch keeps.",
    unit: "bytes/epoch",
    better: "lower",
    read: (cell) => cell.summary?.rssBytesPerEpoch ?? null,
    fromSamples: false,
    perEpoch: (s) => s.rssBytes,
    compare: { kind: "bytes-slope", peak: (s) => s.peakRssBytes },
    optional: false,
    shownIn: { runTable: true, compareTable: true, trends: { quietFloor: 2 * MiB } },
  },
  tensorsPerEpoch: {
    label: "tensors",
    title: "Tensor growth",
    description: "Slope of tf.memory().numTensors after warm-up: above zero means tensors leak.",
    unit: "tensors/epoch",
    better: "lower",
    read: (cell) => cell.summary?.tensorsPerEpoch ?? null,
    fromSamples: false,
    perEpoch: (s) => s.numTensors,
    compare: { kind: "exact-count", threshold: "tensorsPerEpoch" },
    optional: false,
    shownIn: { runTable: true, compareTable: true, trends: { quietFloor: 0 } },
  },
  dataIdsPerEpoch: {
    label: "data ids",
    title: "Data-id growth",
    description: "Slope of the backend's data ids after warm-up (null where the backend does not count them).",
    unit: "data ids/epoch",
    better: "lower",
    read: (cell) => cell.summary?.dataIdsPerEpoch ?? null,
    fromSamples: false,
    perEpoch: (s) => s.numDataIds,
    compare: { kind: "exact-count", threshold: "dataIdsPerEpoch" },
    optional: false,
    shownIn: { runTable: false, compareTable: true, trends: null },
  },
  numBytesPerEpoch: {
    label: "tensor bytes growth",
    title: "Tensor-byte growth",
    description: "Slope of tf.memory().numBytes after warm-up.",
    unit: "bytes/epoch",
    better: "lower",
    read: (cell) => cell.summary?.numBytesPerEpoch ?? null,
    fromSamples: false,
    perEpoch: (s) => s.numBytes,
    compare: { kind: "bytes-slope", peak: (s) => s.peakNumBytes },
    optional: false,
    shownIn: { runTable: false, compareTable: false, trends: null },
  },
  meanEpochMs: {
    label: "epoch time",
    title: "Epoch time",
    description: "Mean wall time of one epoch.",
    unit: "ms",
    better: "lower",
    read: (cell) => cell.summary?.meanEpochMs ?? null,
    fromSamples: false,
    perEpoch: (s) => s.timeMs,
    compare: {
      kind: "time-statistics",
      runScatter: true,
      shared: "machine-load",
      words: { median: "epoch", recorded: "time per epoch" },
    },
    optional: false,
    shownIn: { runTable: true, compareTable: true, trends: { quietFloor: 1 } },
  },
  epochCpuMs: {
    label: "epoch CPU",
    title: "Epoch CPU time",
    description:
      "CPU time (user + system) of the cell's process per epoch, median after warm-up; null for files from before it was recorded.",
    unit: "ms",
    better: "lower",
    read: (cell) => {
      const after = afterWarmup(cell);
      return after.length > 0 && after.every((s) => typeof s.cpuTimeMs === "number") ? median(after.map((s) => s.cpuTimeMs!)) : null;
    },
    fromSamples: true,
    perEpoch: (s) => s.cpuTimeMs,
    compare: {
      kind: "time-statistics",
      runScatter: true,
      shared: "suite-change",
      words: { median: "epoch CPU", recorded: "CPU time per epoch" },
    },
    optional: false,
    shownIn: { runTable: false, compareTable: true, trends: null },
  },
  samplesPerSecond: {
    label: "throughput",
    title: "Throughput",
    description: "Training samples per second over the timed epochs.",
    unit: "samples/s",
    better: "higher",
    read: (cell) => {
      const summary = cell.summary;
      if (!summary) return null;
      if (summary.timing) return summary.timing.samplesPerSecond;
      // Files without tinybench timing still have the mean epoch time.
      return summary.meanEpochMs > 0 ? (cell.samplesPerEpoch * 1000) / summary.meanEpochMs : null;
    },
    fromSamples: false,
    perEpoch: null,
    compare: { kind: "follows-time", of: "meanEpochMs" },
    optional: false,
    shownIn: { runTable: true, compareTable: true, trends: { quietFloor: 0 } },
  },
  peakGpuUsedBytes: {
    label: "peak GPU",
    title: "Peak GPU memory",
    description: "Highest GPU memory the cell's process used, where a GPU sampler ran.",
    unit: "bytes",
    better: "lower",
    read: (cell) => cell.summary?.peakGpuUsedBytes ?? null,
    fromSamples: false,
    perEpoch: (s) => s.gpuUsedBytes,
    compare: { kind: "bytes-peak", runScatter: true },
    optional: true,
    shownIn: { runTable: false, compareTable: "when-measured", trends: null },
  },
  datasetTensorBytes: {
    label: "dataset tensors",
    title: "Dataset tensors",
    description: "Tensor bytes the dataset strategy holds once prepared (whole arrays for in-memory, none for streaming strategies).",
    unit: "bytes",
    better: "lower",
    read: part("datasetTensorBytes"),
    fromSamples: false,
    perEpoch: null,
    compare: EXACT_BYTES,
    optional: true,
    shownIn: { runTable: false, compareTable: false, trends: null },
  },
  weightBytes: {
    label: "weights",
    title: "Weights",
    description: "Bytes of the model's weights, trainable or not.",
    unit: "bytes",
    better: "lower",
    read: part("weightBytes"),
    fromSamples: false,
    perEpoch: null,
    compare: EXACT_BYTES,
    optional: true,
    shownIn: { runTable: false, compareTable: false, trends: null },
  },
  optimizerStateBytes: {
    label: "optimizer state",
    title: "Optimizer state",
    description: "Bytes of the optimizer's variables after the first step (weights × slots, e.g. 2 for Adam).",
    unit: "bytes",
    better: "lower",
    read: part("optimizerStateBytes"),
    fromSamples: false,
    perEpoch: null,
    compare: EXACT_BYTES,
    optional: true,
    shownIn: { runTable: false, compareTable: false, trends: null },
  },
};

/** Every per-cell metric, in the order tables list them. */
export const METRICS: readonly MetricDefinition[] = Object.entries(SUMMARY_METRICS).map(([key, entry]) =>
  Object.freeze({ key: key as MetricKey, ...entry }),
);

export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((m) => m.key);

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

/** The catalogue entry of one metric. */
export function metricDefinition(key: MetricKey): MetricDefinition {
  return BY_KEY.get(key)!;
}

/** A per-epoch reading of a cell, drawn in the dashboard's run and cell views. */
export interface EpochMetricDefinition {
  key: EpochMetricKey;
  title: string;
  description: string;
  unit: Unit;
  better: "lower" | "higher";
  read(sample: EpochSample): number | null;
  /** Changes smaller than this are noise on the chart: its y axis spans at least twice it. */
  quiet: { relative: number; absolute: number };
}

const BYTES_QUIET = { relative: 0.02, absolute: 4 * MiB };

const EPOCH_ENTRIES: { [K in EpochMetricKey]: Omit<EpochMetricDefinition, "key"> } = {
  rssBytes: {
    title: "RSS",
    unit: "bytes",
    better: "lower",
    quiet: BYTES_QUIET,
    description: "Resident set size after each epoch (after a forced GC).",
    read: (s) => s.rssBytes,
  },
  heapUsedBytes: {
    title: "JS heap used",
    unit: "bytes",
    better: "lower",
    quiet: BYTES_QUIET,
    description: "V8 heap in use after each epoch.",
    read: (s) => s.heapUsedBytes,
  },
  numTensors: {
    title: "Live tensors",
    unit: "tensors",
    better: "lower",
    quiet: { relative: 0, absolute: 2 },
    description: "tf.memory().numTensors after each epoch.",
    read: (s) => s.numTensors,
  },
  stepPeakBytes: {
    title: "Step peak",
    unit: "bytes",
    better: "lower",
    quiet: { relative: 0, absolute: 64 * 1024 },
    description: "Highest live tensor bytes inside one step of each epoch (results version 2).",
    read: (s) => s.stepPeakBytes ?? null,
  },
  numBytes: {
    title: "Tensor bytes",
    unit: "bytes",
    better: "lower",
    quiet: { relative: 0.02, absolute: 64 * 1024 },
    description: "tf.memory().numBytes after each epoch.",
    read: (s) => s.numBytes,
  },
  wasmHeapBytes: {
    title: "Wasm heap",
    unit: "bytes",
    better: "lower",
    quiet: BYTES_QUIET,
    description: "Size of the wasm module's linear memory (wasm backend only).",
    read: (s) => s.wasmHeapBytes,
  },
  timeMs: {
    title: "Epoch time",
    unit: "ms",
    better: "lower",
    quiet: { relative: 0.05, absolute: 2 },
    description: "Wall time of each epoch.",
    read: (s) => s.timeMs,
  },
};

/** Every per-epoch reading the dashboard draws, in menu order. */
export const EPOCH_METRICS: readonly EpochMetricDefinition[] = Object.entries(EPOCH_ENTRIES).map(([key, entry]) =>
  Object.freeze({ key: key as EpochMetricKey, ...entry }),
);
