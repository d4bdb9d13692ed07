// Tensor bytes come from the tfjs engine's own accounting: the same code and the same batch give the same
// bytes on every run and every machine. So they are judged exactly: any change beyond a tiny stated
// tolerance (thresholds' tensorBytesTolerance) counts on the first pair of runs, and a rerun shows none.
import { formatMetricDelta, formatMetricValue, metricDefinition, type MetricKey } from "@keras-mem-bench/metrics";
import type { MetricDelta } from "./comparison-types.js";
import { relativeChange } from "./relative-change.js";

export function compareExactBytes(metric: MetricKey, base: number | null, head: number | null, tolerance: number): MetricDelta {
  if (base === null || head === null) {
    // Version-1 files (and cells whose figure could not be read) have nothing to compare against.
    const missing = base === null && head === null ? "neither run" : base === null ? "only the head run" : "only the base run";
    return { metric, base, head, delta: null, relative: null, verdict: "unchanged", reason: `not compared: ${missing} measured it` };
  }
  const delta = head - base;
  const relative = relativeChange(base, head);
  const change = `${formatMetricDelta(metric, delta)} (${formatMetricValue(metric, base)} → ${formatMetricValue(metric, head)})`;
  if (delta === 0) return { metric, base, head, delta, relative, verdict: "unchanged", reason: "identical (tensor bytes are exact)" };
  const rule = tolerance > 0 ? `exact tensor bytes; changes over ${tolerance} B count` : "exact tensor bytes; any change counts";
  if (Math.abs(delta) <= tolerance)
    return { metric, base, head, delta, relative, verdict: "unchanged", reason: `${change}: within the ${tolerance} B tolerance` };
  const worse = metricDefinition(metric).better === "lower" ? delta > 0 : delta < 0;
  return { metric, base, head, delta, relative, verdict: worse ? "regression" : "improvement", reason: `${change}: ${rule}` };
}
