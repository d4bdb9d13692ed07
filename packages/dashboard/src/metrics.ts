// Which catalogue metrics the dashboard draws (@keras-mem-bench/metrics decides: `shownIn.trends` and
// the per-epoch readings), and how quiet each chart is: compare()'s own noise band from the thresholds,
// never a copy of its numbers, widened by the catalogue's display floor.
import { EPOCH_METRICS, METRICS, type EpochMetricDefinition, type MetricDefinition } from "@keras-mem-bench/metrics";
import { noiseBand, type ThresholdValues } from "@keras-mem-bench/report";
import type { CurveMetricKey, MetricInfo, TrendMetricKey } from "./model-types.js";

export type TrendMetric = MetricDefinition & { shownIn: { trends: { quietFloor: number } } };

/** Summary metrics drawn across commits, in catalogue order. */
export const TREND_METRICS: readonly TrendMetric[] = METRICS.filter((m): m is TrendMetric => m.shownIn.trends !== null);

/** Per-epoch readings drawn in the run and cell views. */
export const CURVE_METRICS: readonly EpochMetricDefinition[] = EPOCH_METRICS;

/** A trend metric for the browser: no reader, and a quiet band of at least compare's noise band. */
export function trendMetricInfo(metric: TrendMetric, thresholds: ThresholdValues): MetricInfo<TrendMetricKey> {
  const band = noiseBand(metric, thresholds);
  return browserInfo(metric, { relative: band.relative, absolute: Math.max(band.absolute, metric.shownIn.trends.quietFloor) });
}

/** A per-epoch reading for the browser, without its reader. */
export function curveMetricInfo(metric: EpochMetricDefinition): MetricInfo<CurveMetricKey> {
  return browserInfo(metric, metric.quiet);
}

/** The fields the browser shows for any metric; the reader (a function) stays on the server. */
function browserInfo<K extends TrendMetricKey | CurveMetricKey>(
  metric: Pick<MetricInfo<K>, "key" | "unit" | "better" | "description"> & { title: string },
  quiet: MetricInfo<K>["quiet"],
): MetricInfo<K> {
  return { key: metric.key, label: metric.title, unit: metric.unit, better: metric.better, description: metric.description, quiet };
}
