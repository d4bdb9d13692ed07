// From runs (results files in commit order) to what the page draws. Pure: no I/O, no clock
// unless generatedAt is left out.
import {
  DEFAULT_THRESHOLDS,
  evaluateClaims,
  growthLine,
  HEATMAP_METRIC_INFO,
  HEATMAP_METRICS,
  computeDevicesRow,
  leakOriginsLine,
  renderHeatmapSvg,
  type Thresholds,
} from "@keras-mem-bench/report";
import { cellKeyOf, type Cell, type ResultsFile } from "@keras-mem-bench/results";
import { CURVE_METRICS, curveMetricInfo, TREND_METRICS, trendMetricInfo } from "./metrics.js";
import type {
  Attention,
  CellSeries,
  CellState,
  CommitInfo,
  DashboardAxes,
  DashboardModel,
  MatrixView,
  RunCellCurves,
  RunCurves,
  TrendMetricKey,
} from "./model-types.js";
import { compareMarkers, describeMarkerRule, type MarkerFinder } from "./regression-markers.js";

/** Where a run came from; for history entries this is the entry itself. */
export interface RunCommit {
  sha: string | null;
  committedAt: string;
  message: string | null;
  url: string | null;
  ref: string | null;
  /** The file the run was read from, for errors and the commit's tooltip. */
  source: string;
}

export interface DashboardRun {
  commit: RunCommit;
  results: ResultsFile;
}

export interface BuildModelOptions {
  title?: string;
  /** ISO time printed on the page; defaults to now. */
  generatedAt?: string;
  /** Thresholds for compare(), as the Action takes them (parseThresholds); built-in defaults otherwise. */
  thresholds?: Thresholds;
  /** Replaces the default threshold rule; give markerRule too so the page explains it. */
  findMarkers?: MarkerFinder;
  markerRule?: string;
}

// The vocabulary's order reads better than alphabetical: the articles' comparison goes
// whole arrays → generator → tf.data → files. Unknown names follow, alphabetically.
const FAMILY_ORDER = ["dense", "lstm", "conv", "depthwise-conv"];
const STRATEGY_ORDER = ["in-memory", "generator", "tf-data", "file-stream"];
const BACKEND_ORDER = ["wasm", "cpu", "tensorflow", "webgpu"];

function ordered(values: Iterable<string>, preferred: readonly string[]): string[] {
  const rank = (v: string) => {
    const i = preferred.indexOf(v);
    return i === -1 ? preferred.length : i;
  };
  return [...new Set(values)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const ATTENTION_RANK: Record<Attention, number> = {
  regressed: 0,
  crashed: 1,
  error: 2,
  leaking: 3,
  growing: 4,
  unsupported: 5,
  unjudged: 6,
  stable: 7,
  removed: 8,
};

/** Five significant digits: enough for any chart, and the data file stays small. */
function compact(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Number(value.toPrecision(5));
}

export function cellState(cell: Cell): CellState {
  if (cell.status !== "ok") return cell.status;
  return cell.verdict ?? "unjudged";
}

function commitLabel(commit: RunCommit): string {
  if (commit.sha) return commit.sha.slice(0, 7);
  return commit.source.split(/[\\/]/).pop() ?? commit.source;
}

export function runFileName(index: number): string {
  return `data/run-${index}.js`;
}

export function modelAxes(runs: readonly DashboardRun[]): DashboardAxes {
  const cells = runs.flatMap((r) => r.results.cells);
  return {
    families: ordered(
      cells.map((c) => c.family),
      FAMILY_ORDER,
    ),
    strategies: ordered(
      cells.map((c) => c.strategy),
      STRATEGY_ORDER,
    ),
    batchSizes: [...new Set(cells.map((c) => c.batchSize))].sort((a, b) => a - b),
    backends: ordered(
      cells.map((c) => c.backend),
      BACKEND_ORDER,
    ),
  };
}

/** Cells without an allocator axis first, then growth on, then growth off. */
export function allocatorRank(key: Pick<CellSeries, "gpuMemoryGrowth">): number {
  return key.gpuMemoryGrowth === null ? 0 : key.gpuMemoryGrowth ? 1 : 2;
}

function axisComparator(axes: DashboardAxes) {
  const at = (list: readonly (string | number)[], v: string | number) => list.indexOf(v);
  return (a: CellSeries, b: CellSeries) =>
    at(axes.families, a.family) - at(axes.families, b.family) ||
    at(axes.strategies, a.strategy) - at(axes.strategies, b.strategy) ||
    a.batchSize - b.batchSize ||
    at(axes.backends, a.backend) - at(axes.backends, b.backend) ||
    allocatorRank(a) - allocatorRank(b) ||
    a.id.localeCompare(b.id);
}

function attentionOf(series: CellSeries, last: number): Attention {
  const latest = series.states[last];
  if (latest === null || latest === undefined) return "removed";
  if (series.markers.some((m) => m.commit === last)) return "regressed";
  return latest;
}

/** Series per cell per metric across commits, regression markers and the overview's order. */
export function buildDashboardModel(runs: readonly DashboardRun[], options: BuildModelOptions = {}): DashboardModel {
  const n = runs.length;
  const axes = modelAxes(runs);
  const commits: CommitInfo[] = runs.map((run, i) => ({
    sha: run.commit.sha,
    label: commitLabel(run.commit),
    committedAt: run.commit.committedAt,
    message: run.commit.message,
    url: run.commit.url,
    ref: run.commit.ref,
    source: run.commit.source,
    runFile: runFileName(i),
    cellCount: run.results.cells.length,
  }));

  const byId = new Map<string, CellSeries>();
  runs.forEach((run, i) => {
    for (const cell of run.results.cells) {
      let series = byId.get(cell.id);
      if (!series) {
        const empty = () => Array.from({ length: n }, () => null);
        series = {
          id: cell.id,
          ...cellKeyOf(cell),
          values: Object.fromEntries(TREND_METRICS.map((m) => [m.key, empty()])) as Record<TrendMetricKey, (number | null)[]>,
          states: empty(),
          markers: [],
          attention: "stable",
          lastMarker: -1,
        };
        byId.set(cell.id, series);
      }
      series.states[i] = cellState(cell);
      for (const metric of TREND_METRICS) series.values[metric.key][i] = compact(metric.read(cell));
    }
  });

  const findMarkers = options.findMarkers ?? compareMarkers(options.thresholds);
  for (let i = 1; i < n; i++) {
    const base = runs[i - 1];
    const head = runs[i];
    if (!base || !head) continue;
    for (const { cellId, ...marker } of findMarkers(base.results, head.results)) {
      const series = byId.get(cellId);
      if (!series) continue;
      series.markers.push({ ...marker, base: compact(marker.base), head: compact(marker.head), commit: i });
      series.lastMarker = i;
    }
  }

  const series = [...byId.values()];
  for (const s of series) s.attention = attentionOf(s, n - 1);
  const byAxes = axisComparator(axes);
  series.sort((a, b) => ATTENTION_RANK[a.attention] - ATTENTION_RANK[b.attention] || b.lastMarker - a.lastMarker || byAxes(a, b));

  return {
    schemaVersion: 1,
    title: options.title ?? "keras-mem-bench",
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    commits,
    // Charts never zoom into what compare() would call noise under the thresholds the markers use.
    trendMetrics: TREND_METRICS.map((m) => trendMetricInfo(m, (options.thresholds ?? DEFAULT_THRESHOLDS).defaults)),
    curveMetrics: CURVE_METRICS.map(curveMetricInfo),
    axes,
    series,
    markerRule: options.markerRule ?? describeMarkerRule(options.thresholds),
    synthetic: n > 0 && runs.every((r) => r.results.suite.name === "synthetic"),
    matrix: matrixView(runs),
  };
}

/** The newest run as heatmaps (the same SVG the README embeds) and the claims its cells answer. */
export function matrixView(runs: readonly DashboardRun[]): MatrixView | null {
  const newest = runs[runs.length - 1];
  if (!newest) return null;
  return {
    commit: runs.length - 1,
    heatmaps: HEATMAP_METRICS.map((key) => ({ key, label: HEATMAP_METRIC_INFO[key].label, svg: renderHeatmapSvg(newest.results, key) })),
    claims: evaluateClaims(newest.results),
  };
}

/** The same words the terminal notes and the PR comment use (one home: @keras-mem-bench/report). */
function wordsOf(cell: ResultsFile["cells"][number]): Pick<RunCellCurves, "leakOrigins" | "growth" | "computeDevice"> {
  const origins = cell.verdict === "leaking" ? leakOriginsLine(cell.leakOrigins) : null;
  const growth = cell.verdict === "growing" || cell.growth?.heapSnapshots ? growthLine(cell.growth) : null;
  const [, device] = computeDevicesRow([cell]);
  return {
    ...(origins ? { leakOrigins: origins } : {}),
    ...(growth ? { growth } : {}),
    ...(device !== "—" ? { computeDevice: device } : {}),
  };
}

/** Per-epoch curves of one run's cells; metrics a run never recorded are left out. */
export function buildRunCurves(results: ResultsFile, commit: number): RunCurves {
  const cells: RunCellCurves[] = results.cells.map((cell) => {
    const values: RunCellCurves["values"] = {};
    for (const metric of CURVE_METRICS) {
      const column = cell.samples.map((s) => compact(metric.read(s)));
      if (column.some((v) => v !== null)) values[metric.key] = column;
    }
    return {
      id: cell.id,
      ...cellKeyOf(cell),
      state: cellState(cell),
      warmupEpochs: cell.summary?.warmupEpochs ?? 0,
      epochs: cell.samples.map((s) => s.epoch),
      values,
      error: cell.error?.message ?? null,
      ...wordsOf(cell),
    };
  });
  return { commit, cells };
}
