// Picking and pairing the cells a claim rests on. Pure.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { formatBytes } from "@keras-mem-bench/metrics";

export const STREAMING_STRATEGIES: readonly string[] = ["generator", "tf-data", "file-stream"];

/** Cells that trained every epoch and have a summary. */
export function okCells(results: ResultsFile): Cell[] {
  return results.cells.filter((c) => c.status === "ok" && c.summary !== null);
}

/** Same model, batch size, backend, allocator setting and data set size: only the strategy may differ. */
export function sameWorkload(a: Cell, b: Cell): boolean {
  return (
    a.family === b.family &&
    a.batchSize === b.batchSize &&
    a.backend === b.backend &&
    a.samplesPerEpoch === b.samplesPerEpoch &&
    (a.gpuMemoryGrowth ?? null) === (b.gpuMemoryGrowth ?? null)
  );
}

/** Same strategy, backend and allocator setting: what a family or batch-size comparison holds fixed. */
export function sameSetting(a: Cell, b: Cell): boolean {
  return a.strategy === b.strategy && a.backend === b.backend && (a.gpuMemoryGrowth ?? null) === (b.gpuMemoryGrowth ?? null);
}

export function peakRss(cell: Cell): number {
  return cell.summary?.peakRssBytes ?? Number.NaN;
}

/**
 * RSS as the strategy claims compare it: above each process's own baseline (RSS with backend and model ready,
 * before data) when every cell has one, else the raw peak. On a loaded machine the RSS of the same work moved
 * by ~40 MiB between processes, baseline included (118 vs 158 MiB); the rise above baseline did not.
 */
export function rssScale(cells: readonly Cell[]): { of: (cell: Cell) => number; label: string } {
  const baselines = cells.every((c) => c.memoryParts?.baselineRssBytes != null);
  return baselines
    ? { of: (c) => peakRss(c) - c.memoryParts!.baselineRssBytes!, label: "peak RSS above baseline" }
    : { of: peakRss, label: "peak RSS" };
}

/** "277 MiB (baseline 164 MiB)" */
export function rssWithBaseline(cell: Cell): string {
  const baseline = cell.memoryParts?.baselineRssBytes;
  return `${bytes(peakRss(cell))}${baseline == null ? "" : ` (baseline ${bytes(baseline)})`}`;
}

export function stepPeak(cell: Cell): number | null {
  return cell.summary?.peakStepTensorBytes ?? null;
}

export function activation(cell: Cell): number | null {
  return cell.summary?.peakActivationBytes ?? null;
}

export function samplesPerSecond(cell: Cell): number | null {
  return cell.summary?.timing?.samplesPerSecond ?? null;
}

export const bytes = formatBytes;

/** 65536 → "65,536". */
export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function ratio(value: number): string {
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
}

/** The group with the largest data set: the articles' effects show best where the data is largest. */
export function largestDataset<T extends Cell>(cells: readonly T[]): T[] {
  const most = Math.max(...cells.map((c) => c.samplesPerEpoch));
  return cells.filter((c) => c.samplesPerEpoch === most);
}
