// The matrix of one run as a grid per family: strategies × batch sizes, one figure per cell. Pure.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";

export type HeatmapMetric = "step-peak" | "resident" | "peak-rss";
export const HEATMAP_METRICS: readonly HeatmapMetric[] = ["step-peak", "resident", "peak-rss"];

export const HEATMAP_METRIC_INFO: Record<HeatmapMetric, { label: string; description: string }> = {
  "step-peak": { label: "step peak", description: "high-water mark of live tensor bytes inside one training step (exact)" },
  resident: {
    label: "resident data",
    description:
      "tensor bytes alive between steps beyond weights and optimizer state: the batch, a prefetch buffer, or the whole arrays (exact)",
  },
  "peak-rss": { label: "peak RSS", description: "the cell process's highest resident set size (noisy: runtime, allocator)" },
};

/** One square of the picture: a value, or why there is none. */
export type HeatmapSquare =
  | { kind: "value"; id: string; bytes: number }
  | { kind: "missing"; id: string; reason: string }
  | { kind: "failed"; id: string; status: Cell["status"] }
  | { kind: "absent" };

export interface HeatmapPanel {
  family: string;
  backend: string;
  /** rows[strategy index][batch size index] */
  rows: HeatmapSquare[][];
}

export interface HeatmapGrid {
  metric: HeatmapMetric;
  strategies: string[];
  batchSizes: number[];
  panels: HeatmapPanel[];
  /** Smallest and largest value over every panel (one colour scale for the whole picture); null with no value. */
  range: { min: number; max: number } | null;
}

export function heatmapValue(cell: Cell, metric: HeatmapMetric): number | null {
  switch (metric) {
    case "step-peak":
      return cell.summary?.peakStepTensorBytes ?? null;
    case "resident":
      return cell.memoryParts?.betweenStepsTensorBytes ?? null;
    case "peak-rss":
      return cell.summary?.peakRssBytes ?? null;
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

export function heatmapGrid(results: ResultsFile, metric: HeatmapMetric): HeatmapGrid {
  // One allocator setting per cell position: the first the file lists (growth on, by the matrix order).
  const cells = results.cells.filter(
    (c, i, all) =>
      all.findIndex((o) => o.family === c.family && o.strategy === c.strategy && o.batchSize === c.batchSize && o.backend === c.backend) ===
      i,
  );
  const strategies = unique(cells.map((c) => c.strategy));
  const batchSizes = unique(cells.map((c) => c.batchSize)).sort((a, b) => a - b);
  const panelKeys = unique(cells.map((c) => `${c.backend}\u0000${c.family}`));
  const values: number[] = [];
  const panels = panelKeys.map((key): HeatmapPanel => {
    const [backend, family] = key.split("\u0000") as [string, string];
    const rows = strategies.map((strategy) =>
      batchSizes.map((batchSize): HeatmapSquare => {
        const cell = cells.find(
          (c) => c.family === family && c.backend === backend && c.strategy === strategy && c.batchSize === batchSize,
        );
        if (!cell) return { kind: "absent" };
        const value = heatmapValue(cell, metric);
        if (value !== null && cell.status === "ok") {
          values.push(value);
          return { kind: "value", id: cell.id, bytes: value };
        }
        if (cell.status !== "ok") return { kind: "failed", id: cell.id, status: cell.status };
        return { kind: "missing", id: cell.id, reason: "not in this results file (version 1, or not measured on this backend)" };
      }),
    );
    return { family, backend, rows };
  });
  return {
    metric,
    strategies,
    batchSizes,
    panels,
    range: values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) },
  };
}
