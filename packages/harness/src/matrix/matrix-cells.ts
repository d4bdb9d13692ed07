// The matrix: every strategy × batch size × family × backend of a suite, in a fixed order. Pure.
import { cellId, type CellKey } from "@keras-mem-bench/results";

/** One cell to run: its key (gpuMemoryGrowth is TF_FORCE_GPU_ALLOW_GROWTH on backends that have one) and id. */
export interface MatrixCell extends CellKey {
  id: string;
}

/** Backends with a GPU allocator that can grow on demand or take the memory up front. */
export const BACKENDS_WITH_GPU_GROWTH: readonly string[] = ["tensorflow"];

export interface MatrixAxes {
  families: readonly string[];
  strategies: readonly string[];
  batchSizes: readonly number[];
  backends: readonly string[];
  /** Allocator settings for backends in BACKENDS_WITH_GPU_GROWTH (default: both, growth on first). */
  gpuMemoryGrowth?: readonly boolean[];
}

function growthSettings(backend: string, axes: MatrixAxes): Array<boolean | null> {
  return BACKENDS_WITH_GPU_GROWTH.includes(backend) ? [...(axes.gpuMemoryGrowth ?? [true, false])] : [null];
}

/** All cells, in a fixed order: backend, family, strategy, batch size, allocator (the order progress and tables show). */
export function expandMatrix(axes: MatrixAxes): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const backend of axes.backends) {
    for (const family of axes.families) {
      for (const strategy of axes.strategies) {
        for (const batchSize of axes.batchSizes) {
          for (const gpuMemoryGrowth of growthSettings(backend, axes)) {
            cells.push({
              id: cellId({ family, strategy, batchSize, backend, gpuMemoryGrowth }),
              family,
              strategy,
              batchSize,
              backend,
              gpuMemoryGrowth,
            });
          }
        }
      }
    }
  }
  return cells;
}

/** "on" → true, "off" → false; anything else → null (callers name the input in their error). */
export function parseGrowthWord(word: unknown): boolean | null {
  return word === "on" ? true : word === "off" ? false : null;
}

/** "on" / "off" as the CLI, filters and cell ids spell the allocator setting. */
export function growthWord(growth: boolean): "on" | "off" {
  return growth ? "on" : "off";
}
