// `--filter key=v1,v2`: narrows the matrix to cells whose coordinates match. Pure.
import { BACKENDS_WITH_GPU_GROWTH, growthWord, type MatrixAxes, type MatrixCell } from "./matrix-cells.js";
import { MatrixSelectionError } from "./selection-error.js";

export const FILTER_KEYS = ["family", "strategy", "batch", "backend", "growth"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Allowed values per key; cells must match every key that has an entry. */
export type MatrixFilter = Partial<Record<FilterKey, string[]>>;

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
