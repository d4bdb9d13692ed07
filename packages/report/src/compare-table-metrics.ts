// Which metrics compare's tables show, from the catalogue: the terminal and markdown tables agree.
import { METRICS, type MetricKey } from "@keras-mem-bench/metrics";
import type { Comparison } from "./comparison-types.js";

/** Table columns in catalogue order; "when-measured" metrics (peak GPU) only when some cell has them. */
export function compareTableMetrics(comparison: Comparison): MetricKey[] {
  return METRICS.filter((m) => {
    const shown = m.shownIn.compareTable;
    if (shown === "when-measured") return comparison.cells.some((c) => c.metrics.some((d) => d.metric === m.key));
    return shown;
  }).map((m) => m.key);
}
