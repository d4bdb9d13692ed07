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
  baseEnv: RunEnvironment;
  headEnv: RunEnvironment;
}
