// Regression markers between consecutive runs. This is the dashboard's own rule, kept simple on
// purpose: a metric is marked when it got worse by more than BOTH a relative and an absolute
// threshold, so neither a tiny base (0 → 1 byte) nor a huge one (1 GiB + 1%) fires on noise.
// The PR check (@keras-mem-bench/report compare) has its own noise-aware verdicts; a MarkerFinder
// built on it can replace this one without changing the model.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { formatRelative, formatValue } from "./format-units.js";
import { TREND_METRICS } from "./metrics.js";
import type { RegressionMarker, TrendMetricKey } from "./model-types.js";

export interface MarkerThreshold {
  /** Worse by more than this fraction of |base|. */
  relative: number;
  /** And by more than this many units of the metric. */
  absolute: number;
}

export type MarkerThresholds = Record<TrendMetricKey, MarkerThreshold>;

const MiB = 2 ** 20;

export const DEFAULT_MARKER_THRESHOLDS: MarkerThresholds = {
  peakRssBytes: { relative: 0.1, absolute: 16 * MiB },
  rssBytesPerEpoch: { relative: 0.5, absolute: 2 * MiB },
  tensorsPerEpoch: { relative: 0.5, absolute: 0.5 },
  meanEpochMs: { relative: 0.25, absolute: 5 },
  samplesPerSecond: { relative: 0.2, absolute: 0 },
};

export type CellMarker = Omit<RegressionMarker, "commit"> & { cellId: string };

/** Finds what got worse from one run to the next. */
export type MarkerFinder = (base: ResultsFile, head: ResultsFile) => CellMarker[];

export function describeMarkerRule(thresholds: MarkerThresholds = DEFAULT_MARKER_THRESHOLDS): string {
  const parts = TREND_METRICS.map((m) => {
    const t = thresholds[m.key];
    const floor = t.absolute > 0 ? ` and ${formatValue(t.absolute, m.unit)}` : "";
    return `${m.label} worse by > ${Math.round(t.relative * 100)}%${floor}`;
  });
  return `Marked against the previous run: ${parts.join("; ")}; or a cell that ran before now crashes, errors or is unsupported.`;
}

const RAN = new Set(["ok"]);

/** Markers for one cell between two consecutive runs of it. */
export function cellMarkers(base: Cell, head: Cell, thresholds: MarkerThresholds = DEFAULT_MARKER_THRESHOLDS): CellMarker[] {
  if (RAN.has(base.status) && !RAN.has(head.status)) {
    const why = head.error?.message ?? head.error?.kernel ?? "";
    return [{ cellId: head.id, metric: "status", base: null, head: null, relative: null, reason: `now ${head.status}${why ? `: ${why}` : ""}` }];
  }
  if (!RAN.has(base.status) || !RAN.has(head.status)) return [];
  const markers: CellMarker[] = [];
  for (const metric of TREND_METRICS) {
    const b = metric.read(base);
    const h = metric.read(head);
    if (b === null || h === null) continue;
    const worse = metric.better === "lower" ? h - b : b - h;
    const t = thresholds[metric.key];
    if (worse > t.absolute && worse > t.relative * Math.abs(b)) {
      const relative = b === 0 ? null : (h - b) / Math.abs(b);
      // A percentage of a near-zero base (a slope of 60 KiB/epoch becoming 12 MiB) says nothing.
      const change = relative === null || Math.abs(b) <= t.absolute ? "" : ` (${formatRelative(relative)})`;
      markers.push({
        cellId: head.id,
        metric: metric.key,
        base: b,
        head: h,
        relative,
        reason: `${metric.label} ${formatValue(b, metric.unit)} → ${formatValue(h, metric.unit)}${change}`,
      });
    }
  }
  return markers;
}

/** The default MarkerFinder: cellMarkers for every cell present in both runs. */
export function thresholdMarkers(thresholds: MarkerThresholds = DEFAULT_MARKER_THRESHOLDS): MarkerFinder {
  return (base, head) => {
    const before = new Map(base.cells.map((c) => [c.id, c]));
    return head.cells.flatMap((cell) => {
      const previous = before.get(cell.id);
      return previous ? cellMarkers(previous, cell, thresholds) : [];
    });
  };
}
