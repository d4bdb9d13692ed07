// compare()'s noise band of a metric, in the metric's unit: changes inside it never count, whatever the
// runs' noise. The dashboard scales its charts by it instead of keeping its own copy of the numbers.
import type { MetricDefinition } from "@keras-mem-bench/metrics";
import type { ThresholdValues } from "./thresholds.js";

export interface NoiseBand {
  /** Fraction of the value a change must reach (bytes: bytesMinChange, time: timeMinChange). */
  relative: number;
  /** Absolute change that must be reached (exact counts: their threshold). */
  absolute: number;
}

/** The smallest change compare() can count for this metric under these thresholds; zero where its rule has no fixed floor. */
export function noiseBand(metric: Pick<MetricDefinition, "compare">, thresholds: ThresholdValues): NoiseBand {
  const rule = metric.compare;
  switch (rule?.kind) {
    case "exact-count":
      return { relative: 0, absolute: thresholds[rule.threshold] };
    case "exact-bytes":
      return { relative: 0, absolute: thresholds.tensorBytesTolerance };
    case "bytes-peak":
      return { relative: thresholds.bytesMinChange, absolute: 0 };
    case "time-statistics":
    case "follows-time":
      return { relative: thresholds.timeMinChange, absolute: 0 };
    // A slope's floor depends on the cell's peak and epochs; there is no band to show.
    case "bytes-slope":
    case undefined:
      return { relative: 0, absolute: 0 };
  }
}
