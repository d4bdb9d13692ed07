// Regression markers between consecutive runs come from @keras-mem-bench/report's compare(): the
// same noise-aware check the pull-request comment runs, so a marker on the dashboard means what
// a red row in a PR comment means. Only the wording is the dashboard's (short, with units); the
// rule's full reason rides along as `detail`.
import { formatPercent, formatValue, metricDefinition } from "@keras-mem-bench/metrics";
import { compare, DEFAULT_THRESHOLDS, type MetricDelta, type Thresholds } from "@keras-mem-bench/report";
import type { ResultsFile } from "@keras-mem-bench/results";
import type { RegressionMarker } from "./model-types.js";

export type CellMarker = Omit<RegressionMarker, "commit"> & { cellId: string };

/** Finds what got worse from one run to the next. */
export type MarkerFinder = (base: ResultsFile, head: ResultsFile) => CellMarker[];

function metricMarker(cellId: string, m: MetricDelta): CellMarker {
  // Every metric compare() judges is in the catalogue, drawn or not, so every marker has a name.
  const info = metricDefinition(m.metric);
  // A percentage of a near-zero base (a slope of 60 KiB/epoch becoming 12 MiB) says nothing.
  const relative = m.relative !== null && Math.abs(m.relative) < 10 ? ` (${formatPercent(m.relative)})` : "";
  return {
    cellId,
    metric: m.metric,
    label: info.title,
    base: m.base,
    head: m.head,
    relative: m.relative,
    reason: `${info.title} ${formatValue(m.base, info.unit)} → ${formatValue(m.head, info.unit)}${relative}`,
    detail: m.reason,
  };
}

/** The default MarkerFinder: compare(base, head) and keep what it calls worse. */
export function compareMarkers(thresholds: Thresholds = DEFAULT_THRESHOLDS): MarkerFinder {
  return (base, head) =>
    compare(base, head, thresholds).cells.flatMap((cell): CellMarker[] => {
      const detail = cell.reasons.join("; ");
      if (cell.verdict === "crashed" || cell.verdict === "now-unsupported") {
        const status = cell.head?.status ?? "crashed";
        const why = cell.head?.error?.kernel ? `missing kernel ${cell.head.error.kernel}` : (cell.head?.error?.message ?? "");
        return [
          {
            cellId: cell.id,
            metric: "status",
            label: "Status",
            base: null,
            head: null,
            relative: null,
            reason: `now ${status}${why ? `: ${why}` : ""}`,
            detail,
          },
        ];
      }
      if (cell.verdict !== "regression") return [];
      const markers = cell.metrics.filter((m) => m.verdict === "regression").map((m) => metricMarker(cell.id, m));
      // A leak verdict can appear without any one metric crossing its threshold.
      if (markers.length === 0)
        return [
          {
            cellId: cell.id,
            metric: "verdict",
            label: "Verdict",
            base: null,
            head: null,
            relative: null,
            reason: cell.reasons[0] ?? "worse",
            detail,
          },
        ];
      return markers;
    });
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The rule in words, with the numbers it uses, for the page's footer. */
export function describeMarkerRule(thresholds: Thresholds = DEFAULT_THRESHOLDS): string {
  const t = thresholds.defaults;
  const time = t.checkTime
    ? `epoch time by a Mann-Whitney test (≥ ${pct(t.timeMinChange)} and p < ${t.timeAlpha})`
    : "epoch time not judged";
  const overrides = thresholds.cells.length
    ? `; ${thresholds.cells.length} per-cell override${thresholds.cells.length > 1 ? "s" : ""} from ${thresholds.source ?? "the thresholds"}`
    : "";
  return (
    `Markers: compare() of each run with the one before it, as in pull-request comments: ` +
    `tensor and data-id growth rising by ≥ ${t.tensorsPerEpoch}/epoch; bytes beyond max(${pct(t.bytesMinChange)}, ${t.bytesNoiseFactor} × noise); ${time}; ` +
    `or a cell that ran before and now crashes or is unsupported${overrides}.`
  );
}
