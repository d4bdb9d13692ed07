export {
  EPOCH_METRICS,
  METRIC_KEYS,
  METRICS,
  metricDefinition,
  type CompareRule,
  type CompareRuleKind,
  type CountThresholdKey,
  type EpochMetricDefinition,
  type MetricDefinition,
  type MetricPlaces,
  type TimeWords,
} from "./metric-catalogue.js";
export type { EpochMetricKey, MetricKey } from "./metric-keys.js";
export { formatMetricDelta, formatMetricValue } from "./format-metric.js";
export { RSS_ONLY_GROWTH_FLOOR, rssOnlyGrowthFloor, type RssOnlyGrowthFloor } from "./rss-only-growth.js";
export * from "./statistics/index.js";
export * from "./units/index.js";
