// What every view gets: the model, the current state, and a way to change it.
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

export function cellTitle(s: Pick<CellSeries, "family" | "strategy" | "batchSize" | "backend">): string {
  return `${s.family} · ${s.strategy} · b${s.batchSize} · ${s.backend}`;
}

export function groupTitle(g: { family: string; batchSize: number; backend: string }): string {
  return `${g.family} · batch ${g.batchSize} · ${g.backend}`;
}
