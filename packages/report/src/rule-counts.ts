// Tensor and data-id counts are exact (no sampling noise): a slope that rises by the threshold is a
// leak, whatever the spread. No tolerance games.
import { formatMetricDelta, metricDefinition, significant, type MetricKey } from "@keras-mem-bench/metrics";
import type { MetricDelta } from "./comparison-types.js";
import { relativeChange } from "./relative-change.js";

/** What the metric counts, from its unit: "tensors/epoch" → "tensors". */
const noun = (metric: MetricKey): string => metricDefinition(metric).unit.split("/")[0]!;

export function compareCountSlope(metric: MetricKey, base: number | null, head: number | null, threshold: number): MetricDelta {
  if (base === null || head === null) {
    const missing = base === null && head === null ? "neither run" : base === null ? "the base run" : "the head run";
    return {
      metric,
      base,
      head,
      delta: null,
      relative: null,
      verdict: "unchanged",
      reason: `not compared: ${missing} has a count for this backend`,
    };
  }
  const delta = head - base;
  const change = `${formatMetricDelta(metric, delta)} (${significant(base)} → ${significant(head)})`;
  const rule = `a change of ${threshold} or more counts`;
  // With a zero threshold any rise counts, but equal slopes never do.
  const counts = (d: number) => d > 0 && d >= threshold - 1e-9;
  // The three outcomes differ only in the verdict and its reason.
  const compared = (verdict: MetricDelta["verdict"], reason: string): MetricDelta => ({
    metric,
    base,
    head,
    delta,
    relative: relativeChange(base, head),
    verdict,
    reason,
  });
  if (counts(delta)) return compared("regression", `${change}: more ${noun(metric)} kept every epoch; ${rule}`);
  if (counts(-delta)) return compared("improvement", `${change}: fewer kept every epoch; ${rule}`);
  return compared("unchanged", `${change}: below ${threshold}`);
}
