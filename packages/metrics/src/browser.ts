// Browser-safe entry (`@keras-mem-bench/metrics/browser`): formatting and metric names only, nothing
// that loads the results types (the dashboard's client bundle and its type check import this).
export type { EpochMetricKey, MetricKey } from "./metric-keys.js";
export * from "./units/index.js";
