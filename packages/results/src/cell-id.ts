// Browser-safe (types only beyond these functions): the dashboard client imports it as @keras-mem-bench/results/cell-key.
import type { Cell } from "./results-types.js";

/**
 * The axes that name a cell, the one cell key every package uses. `gpuMemoryGrowth` is the GPU
 * allocator axis: true/false where the backend has one (tensorflow), null elsewhere.
 */
export interface CellKey {
  family: string;
  strategy: string;
  batchSize: number;
  backend: string;
  gpuMemoryGrowth: boolean | null;
}

/** A key as callers write it: the allocator axis may be left out where the backend has none. */
export type CellKeyInput = Omit<CellKey, "gpuMemoryGrowth"> & { gpuMemoryGrowth?: boolean | null | undefined };

/** Stable cell id used to match cells across runs: family/strategy/b<batch>/backend[/growth-on|growth-off]. */
export function cellId(key: CellKeyInput): string {
  const base = `${key.family}/${key.strategy}/b${key.batchSize}/${key.backend}`;
  if (key.gpuMemoryGrowth === true) return `${base}/growth-on`;
  if (key.gpuMemoryGrowth === false) return `${base}/growth-off`;
  return base;
}

/** A cell's key; results files leave gpuMemoryGrowth out where the backend has no allocator axis. */
export function cellKeyOf(cell: Pick<Cell, keyof CellKey>): CellKey {
  return {
    family: cell.family,
    strategy: cell.strategy,
    batchSize: cell.batchSize,
    backend: cell.backend,
    gpuMemoryGrowth: cell.gpuMemoryGrowth ?? null,
  };
}

/** The allocator axis in words, for labels: "growth on", "growth off", or null without one. */
export function allocatorLabel(key: Pick<CellKey, "gpuMemoryGrowth">): string | null {
  if (key.gpuMemoryGrowth === true) return "growth on";
  if (key.gpuMemoryGrowth === false) return "growth off";
  return null;
}
