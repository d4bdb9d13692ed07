// The dashboard's data model: what the build step computes from results files and what the
// browser draws. Browser-safe (types only), so the client bundle imports it too.
import type { EpochMetricKey, MetricKey, Unit } from "@keras-mem-bench/metrics/browser";
import type { CellKey } from "@keras-mem-bench/results/cell-key";

export type { Unit };

/** Summary metrics drawn across commits: the catalogue's metrics shown in trends (@keras-mem-bench/metrics). */
export type TrendMetricKey = MetricKey;

/** Per-epoch readings drawn in the run view: the catalogue's epoch metrics. */
export type CurveMetricKey = EpochMetricKey;

export interface MetricInfo<K extends string> {
  key: K;
  /** The catalogue's title, e.g. "Peak RSS". */
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

/** What a marker is about: a catalogue metric compare() judged worse (drawn or not), the cell's status, or its leak verdict. */
export type MarkerMetric = MetricKey | "status" | "verdict";

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

/** One cell across commits; its key includes the GPU allocator axis, so growth on and off are two series. */
export interface CellSeries extends CellKey {
  id: string;
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
  /** The newest run's matrix as heatmaps and its claims (the "Matrix & claims" view); null with no run. */
  matrix: MatrixView | null;
}

/** One run drawn as a picture per metric (the report's SVG renderer) with the articles' claims checked on it. */
export interface MatrixView {
  /** Index into commits of the run drawn. */
  commit: number;
  /** In the order the page offers them; `key` is the report's HeatmapMetric, `svg` its renderHeatmapSvg output (names escaped there). */
  heatmaps: Array<{ key: string; label: string; svg: string }>;
  /** The report's ClaimResult, as the page shows it. */
  claims: Array<{
    id: string;
    claim: string;
    verdict: "holds" | "does not hold" | "partly" | "not measured here";
    reason: string;
    figures: string[];
    cells: string[];
  }>;
}

export interface RunCellCurves extends CellKey {
  id: string;
  state: CellState;
  warmupEpochs: number;
  epochs: number[];
  values: Partial<Record<CurveMetricKey, (number | null)[]>>;
  error: string | null;
  /** Where a leaking cell's tensors come from, in words (absent in older runs and clean cells). */
  leakOrigins?: string;
  /** What grows in a growing cell (and the heap snapshot diff with --diagnose), in words. */
  growth?: string;
  /** The GPU a GPU backend computed on (webgpu: the adapter), "[software]" marked; absent for CPU backends and older runs. */
  computeDevice?: string;
}

/** Per-epoch curves of every cell of one run, loaded by the run view on demand. */
export interface RunCurves {
  commit: number;
  cells: RunCellCurves[];
}
