// A catalogue metric's value or change, printed in its unit: the shortcut every table and reason uses.
import { metricDefinition } from "./metric-catalogue.js";
import type { MetricKey } from "./metric-keys.js";
import { formatDelta, formatValue } from "./units/format-quantity.js";

/** "312 MiB", "+1.20 MiB/epoch", "+0.50 tensors/epoch", "212 ms", "2,560 samples/s"; "—" when missing. */
export function formatMetricValue(metric: MetricKey, value: number | null | undefined): string {
  return formatValue(value, metricDefinition(metric).unit);
}

/** A signed change in the metric's unit: "+30.5 MiB", "−0.50 tensors/epoch"; "—" when missing. */
export function formatMetricDelta(metric: MetricKey, delta: number | null | undefined): string {
  return formatDelta(delta, metricDefinition(metric).unit);
}
