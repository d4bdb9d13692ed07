// The matrix: every strategy × batch size × family × backend of a suite, narrowed by filters and shards. Pure.
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

export const FILTER_KEYS = ["family", "strategy", "batch", "backend", "growth"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Allowed values per key; cells must match every key that has an entry. */
export type MatrixFilter = Partial<Record<FilterKey, string[]>>;

/** A filter or shard that does not fit the matrix; the message names the flag and the value. */
export class MatrixSelectionError extends Error {
  readonly code = "KMB_MATRIX_SELECTION";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "MatrixSelectionError";
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

/**
 * Parses `--filter key=v1,v2` values (repeatable; the same key twice narrows to values in both).
 * Keys and values are checked against the axes, so a typo fails instead of silently selecting nothing.
 */
export function parseFilters(specs: readonly string[], axes: MatrixAxes): MatrixFilter {
  const filter: MatrixFilter = {};
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    if (eq <= 0)
      throw new MatrixSelectionError(`--filter "${spec}": expected key=value[,value…] with key one of ${FILTER_KEYS.join(", ")}`);
    const key = spec.slice(0, eq).trim();
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw new MatrixSelectionError(`--filter "${spec}": unknown key "${key}" (known: ${FILTER_KEYS.join(", ")})`);
    }
    const values = spec
      .slice(eq + 1)
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== "");
    if (values.length === 0) throw new MatrixSelectionError(`--filter "${spec}": no values after "="`);
    const known = axisValues(key as FilterKey, axes);
    if (known.length === 0) {
      throw new MatrixSelectionError(
        `--filter "${spec}": the GPU allocator axis exists only on backend ${BACKENDS_WITH_GPU_GROWTH.join(", ")}, which this matrix does not include`,
      );
    }
    for (const value of values) {
      if (!known.includes(value)) {
        throw new MatrixSelectionError(
          `--filter "${spec}": ${key} "${value}" is not in this suite's matrix (${key} values: ${known.join(", ")})`,
        );
      }
    }
    const k = key as FilterKey;
    const previous = filter[k];
    filter[k] = previous ? previous.filter((v) => values.includes(v)) : values;
  }
  return filter;
}

function axisValues(key: FilterKey, axes: MatrixAxes): string[] {
  switch (key) {
    case "family":
      return [...axes.families];
    case "strategy":
      return [...axes.strategies];
    case "batch":
      return axes.batchSizes.map(String);
    case "backend":
      return [...axes.backends];
    case "growth":
      return axes.backends.some((b) => BACKENDS_WITH_GPU_GROWTH.includes(b)) ? (axes.gpuMemoryGrowth ?? [true, false]).map(growthWord) : [];
  }
}

export function applyFilter(cells: readonly MatrixCell[], filter: MatrixFilter): MatrixCell[] {
  const ok = (key: FilterKey, value: string) => filter[key] === undefined || filter[key].includes(value);
  return cells.filter(
    (c) =>
      ok("family", c.family) &&
      ok("strategy", c.strategy) &&
      ok("batch", String(c.batchSize)) &&
      ok("backend", c.backend) &&
      // A growth filter keeps only cells that have the setting: backends without an allocator axis drop out.
      (filter.growth === undefined || (c.gpuMemoryGrowth !== null && filter.growth.includes(growthWord(c.gpuMemoryGrowth)))),
  );
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `--shard i/n` (1 ≤ i ≤ n). */
export function parseShard(spec: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!match) throw new MatrixSelectionError(`--shard "${spec}": expected i/n, e.g. 1/4`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) throw new MatrixSelectionError(`--shard "${spec}": need 1 ≤ i ≤ n and n ≥ 1`);
  return { index, count };
}

/**
 * The cells of one shard: round-robin over the matrix order (cell k to shard k mod n + 1), so shard sizes differ
 * by at most one and each shard gets a spread of families (every family while n ≤ the cells per family and
 * backend). Deterministic; shards 1..n together hold each cell exactly once.
 */
export function shardCells<T>(cells: readonly T[], shard: Shard): T[] {
  return cells.filter((_, i) => i % shard.count === shard.index - 1);
}
