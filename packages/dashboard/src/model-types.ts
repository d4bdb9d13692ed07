// The dashboard's data model: what the build step computes from results files and what the
// browser draws. Browser-safe (types only), so the client bundle imports it too.

/** Summary metrics drawn across commits. Names match the results file and @keras-mem-bench/report. */
export type TrendMetricKey = "peakRssBytes" | "rssBytesPerEpoch" | "tensorsPerEpoch" | "meanEpochMs" | "samplesPerSecond";

/** Per-epoch readings drawn in the run view. Names match EpochSample. */
export type CurveMetricKey = "rssBytes" | "heapUsedBytes" | "numTensors" | "numBytes" | "wasmHeapBytes" | "timeMs";

export type Unit = "bytes" | "bytes/epoch" | "tensors" | "tensors/epoch" | "ms" | "samples/s";

export interface MetricInfo<K extends string> {
  key: K;
  label: string;
  unit: Unit;
  /** Which direction is better: decides whether a rise or a drop is a regression. */
  better: "lower" | "higher";
  description: string;
  /**
   * Changes smaller than this are noise: charts span at least twice it, so noise draws flat and
   * a change that would be marked fills a visible part of the chart.
   */
  quiet: Quiet;
}

export interface Quiet {
  relative: number;
  absolute: number;
}

/** What one cell looked like in one run; null where the cell is absent from that run. */
export type CellState = "stable" | "growing" | "leaking" | "unjudged" | "crashed" | "unsupported" | "error";

/** Why a cell sorts where it does in the overview: most urgent first. */
export type Attention = "regressed" | "crashed" | "error" | "leaking" | "growing" | "unsupported" | "unjudged" | "stable" | "removed";

export interface CommitInfo {
  /** Full sha, or null for a results file without git information. */
  sha: string | null;
  /** Short sha, or the results file's name. */
  label: string;
  committedAt: string;
  message: string | null;
  url: string | null;
  ref: string | null;
  /** Where the run came from: the history entry's file or the results file path. */
  source: string;
  /** Site-relative path of this run's per-epoch curves (a script that calls window.__kmbRun). */
  runFile: string;
  cellCount: number;
}

/** What a marker is about: a drawn metric, one compare() judges but the charts do not draw, the cell's status, or its leak verdict. */
export type MarkerMetric = TrendMetricKey | "dataIdsPerEpoch" | "numBytesPerEpoch" | "peakGpuUsedBytes" | "status" | "verdict";

/** A change between two consecutive runs of one cell that made it worse. */
export interface RegressionMarker {
  /** Index into DashboardModel.commits of the run where it got worse. */
  commit: number;
  metric: MarkerMetric;
  /** The metric's name for people, e.g. "Peak RSS". */
  label: string;
  base: number | null;
  head: number | null;
  /** (head - base) / |base|, null when base is 0 or missing. */
  relative: number | null;
  /** Short, with units: "Peak RSS 559 MiB → 736 MiB (+32%)". */
  reason: string;
  /** The rule's own explanation (noise, tolerance, test), for tooltips. */
  detail: string;
}

export interface CellSeries {
  id: string;
  family: string;
  strategy: string;
  batchSize: number;
  backend: string;
  /** One value per commit (aligned with DashboardModel.commits); null where absent or not measured. */
  values: Record<TrendMetricKey, (number | null)[]>;
  states: (CellState | null)[];
  markers: RegressionMarker[];
  attention: Attention;
  /** Commit index of the newest marker, -1 without one: recent regressions sort first. */
  lastMarker: number;
}

export interface DashboardAxes {
  families: string[];
  strategies: string[];
  batchSizes: number[];
  backends: string[];
}

export interface DashboardModel {
  schemaVersion: 1;
  title: string;
  generatedAt: string;
  /** Oldest first. */
  commits: CommitInfo[];
  trendMetrics: MetricInfo<TrendMetricKey>[];
  curveMetrics: MetricInfo<CurveMetricKey>[];
  axes: DashboardAxes;
  /** Sorted most urgent first (see Attention), then by axes. */
  series: CellSeries[];
  /** The rule that placed the markers, in words, shown on the page. */
  markerRule: string;
  /** True when every run came from the synthetic generator: the page says so. */
  synthetic: boolean;
}

export interface RunCellCurves {
  id: string;
  family: string;
  strategy: string;
  batchSize: number;
  backend: string;
  state: CellState;
  warmupEpochs: number;
  epochs: number[];
  values: Partial<Record<CurveMetricKey, (number | null)[]>>;
  error: string | null;
}

/** Per-epoch curves of every cell of one run, loaded by the run view on demand. */
export interface RunCurves {
  commit: number;
  cells: RunCellCurves[];
}
