// What every view gets: the model, the current state, and a way to change it.
import { allocatorLabel } from "@keras-mem-bench/results/cell-key";
import type { CellSeries, DashboardModel, MetricInfo, TrendMetricKey } from "../src/model-types.js";
import type { ViewState } from "../src/view-state.js";

export interface App {
  model: DashboardModel;
  state: ViewState;
  navigate(next: Partial<ViewState>, mode?: "push" | "replace"): void;
  /** Views register chart teardown here; it runs before the next render. */
  onTeardown(dispose: () => void): void;
  /** Called by anything that painted a chart; the first call marks "charts drawn". */
  drawn(): void;
}

export function trendMetric(model: DashboardModel, key: TrendMetricKey): MetricInfo<TrendMetricKey> {
  const found = model.trendMetrics.find((m) => m.key === key) ?? model.trendMetrics[0];
  if (!found) throw new Error("the model lists no trend metrics");
  return found;
}

/** "tensorflow", or "tensorflow · growth on" where the backend has a GPU allocator axis. */
function backendTitle(s: Pick<CellSeries, "backend" | "gpuMemoryGrowth">): string {
  const allocator = allocatorLabel(s);
  return allocator === null ? s.backend : `${s.backend} · ${allocator}`;
}

export function cellTitle(s: Pick<CellSeries, "family" | "strategy" | "batchSize" | "backend" | "gpuMemoryGrowth">): string {
  return `${s.family} · ${s.strategy} · b${s.batchSize} · ${backendTitle(s)}`;
}

export function groupTitle(g: Pick<CellSeries, "family" | "batchSize" | "backend" | "gpuMemoryGrowth">): string {
  return `${g.family} · batch ${g.batchSize} · ${backendTitle(g)}`;
}
