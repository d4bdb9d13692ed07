// Which numbers the dashboard draws and how each is read from a results file.
import type { Cell, EpochSample } from "@keras-mem-bench/results";
import type { CurveMetricKey, MetricInfo, TrendMetricKey } from "./model-types.js";

const MiB = 2 ** 20;

export interface TrendMetric extends MetricInfo<TrendMetricKey> {
  /** Null when the cell did not produce this number (crashed, unsupported, too few epochs). */
  read(cell: Cell): number | null;
}

export interface CurveMetric extends MetricInfo<CurveMetricKey> {
  read(sample: EpochSample): number | null;
}

export const TREND_METRICS: readonly TrendMetric[] = [
  {
    key: "peakRssBytes",
    label: "Peak RSS",
    unit: "bytes",
    better: "lower",
    // Changes under these are noise to compare() too (5% of bytes, 0.5 tensors/epoch, 10% of time).
    quiet: { relative: 0.05, absolute: 8 * MiB },
    description: "Highest resident set size of the cell's process over all epochs.",
    read: (cell) => cell.summary?.peakRssBytes ?? null,
  },
  {
    key: "rssBytesPerEpoch",
    label: "RSS growth",
    unit: "bytes/epoch",
    better: "lower",
    quiet: { relative: 0, absolute: 2 * MiB },
    description: "Least-squares slope of RSS after warm-up: how much memory each epoch keeps.",
    read: (cell) => cell.summary?.rssBytesPerEpoch ?? null,
  },
  {
    key: "tensorsPerEpoch",
    label: "Tensor growth",
    unit: "tensors/epoch",
    better: "lower",
    quiet: { relative: 0, absolute: 0.5 },
    description: "Slope of tf.memory().numTensors after warm-up: above zero means tensors leak.",
    read: (cell) => cell.summary?.tensorsPerEpoch ?? null,
  },
  {
    key: "meanEpochMs",
    label: "Epoch time",
    unit: "ms",
    better: "lower",
    quiet: { relative: 0.1, absolute: 1 },
    description: "Mean wall time of one epoch.",
    read: (cell) => cell.summary?.meanEpochMs ?? null,
  },
  {
    key: "samplesPerSecond",
    label: "Throughput",
    unit: "samples/s",
    better: "higher",
    quiet: { relative: 0.1, absolute: 0 },
    description: "Training samples per second over the timed epochs.",
    read: (cell) => {
      const summary = cell.summary;
      if (!summary) return null;
      if (summary.timing) return summary.timing.samplesPerSecond;
      return summary.meanEpochMs > 0 ? (cell.samplesPerEpoch * 1000) / summary.meanEpochMs : null;
    },
  },
];

const BYTES_QUIET = { relative: 0.02, absolute: 4 * MiB };

export const CURVE_METRICS: readonly CurveMetric[] = [
  { key: "rssBytes", label: "RSS", unit: "bytes", better: "lower", quiet: BYTES_QUIET, description: "Resident set size after each epoch (after a forced GC).", read: (s) => s.rssBytes },
  { key: "heapUsedBytes", label: "JS heap used", unit: "bytes", better: "lower", quiet: BYTES_QUIET, description: "V8 heap in use after each epoch.", read: (s) => s.heapUsedBytes },
  { key: "numTensors", label: "Live tensors", unit: "tensors", better: "lower", quiet: { relative: 0, absolute: 2 }, description: "tf.memory().numTensors after each epoch.", read: (s) => s.numTensors },
  { key: "numBytes", label: "Tensor bytes", unit: "bytes", better: "lower", quiet: { relative: 0.02, absolute: 64 * 1024 }, description: "tf.memory().numBytes after each epoch.", read: (s) => s.numBytes },
  { key: "wasmHeapBytes", label: "Wasm heap", unit: "bytes", better: "lower", quiet: BYTES_QUIET, description: "Size of the wasm module's linear memory (wasm backend only).", read: (s) => s.wasmHeapBytes },
  { key: "timeMs", label: "Epoch time", unit: "ms", better: "lower", quiet: { relative: 0.05, absolute: 2 }, description: "Wall time of each epoch.", read: (s) => s.timeMs },
];

/** Metric descriptions without the readers, for the model the browser receives. */
export function metricInfo<K extends string>(metric: MetricInfo<K>): MetricInfo<K> {
  return { key: metric.key, label: metric.label, unit: metric.unit, better: metric.better, description: metric.description, quiet: metric.quiet };
}
