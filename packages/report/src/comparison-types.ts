// What compare() returns: the agreed shape other packages (action, dashboard) code against.
import type { MetricKey } from "@keras-mem-bench/metrics";
import type { Cell, CellKey, RunEnvironment } from "@keras-mem-bench/results";

export type MetricVerdict = "regression" | "improvement" | "unchanged";

export type CellDeltaVerdict = "regression" | "improvement" | "unchanged" | "new" | "removed" | "crashed" | "now-unsupported";

export const CELL_DELTA_VERDICTS: readonly CellDeltaVerdict[] = [
  "regression",
  "crashed",
  "now-unsupported",
  "improvement",
  "new",
  "removed",
  "unchanged",
];

/** Verdicts that count as the pull request making a cell worse. */
export const WORSE_VERDICTS: readonly CellDeltaVerdict[] = ["regression", "crashed", "now-unsupported"];

export interface MetricDelta {
  metric: MetricKey;
  base: number | null;
  head: number | null;
  /** head − base, in the metric's unit; null when either side is missing. */
  delta: number | null;
  /** delta / |base|; null when base is 0 or missing. */
  relative: number | null;
  verdict: MetricVerdict;
  /** Why the verdict, in words with units and the rule's numbers. */
  reason: string;
}

/** The change of a time metric that every compared cell shares, judged as a whole. */
export interface TimeShift {
  metric: MetricKey;
  /** e^shift − 1: the median cell's change. */
  change: number;
  cells: number;
  /** What the shared change is taken for: machine load (wall time) or a change of the suite (CPU time). */
  shared: "machine-load" | "suite-change";
  /** regression / improvement only for a suite change past timeShiftMinChange; machine load is never one. */
  verdict: MetricVerdict;
  /** Whether renderers show it: a verdict, or a change of at least timeMinChange. */
  shown: boolean;
  reason: string;
}

/** One cell of either run, judged; its coordinates (gpuMemoryGrowth included) are the cell's key. */
export interface CellComparison extends CellKey {
  id: string;
  verdict: CellDeltaVerdict;
  metrics: MetricDelta[];
  base: Cell | null;
  head: Cell | null;
  /** One line per reason for the verdict (status changes, leak verdicts, metric reasons that decided). */
  reasons: string[];
}

export interface Comparison {
  /** Sorted worst first: regressions, crashed, now-unsupported, improvements, new, removed, unchanged; then by id. */
  cells: CellComparison[];
  counts: Record<CellDeltaVerdict, number>;
  /** Cells whose verdict is regression, crashed or now-unsupported. */
  regressions: number;
  /**
   * Per time metric, the change every compared cell shares (with at least 6 cells): wall time's is the machine's
   * load, CPU time's past timeShiftMinChange a change of the whole suite. Each cell's time is judged against it.
   */
  timeShifts: TimeShift[];
  baseEnv: RunEnvironment;
  headEnv: RunEnvironment;
}
