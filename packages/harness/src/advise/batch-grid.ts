// The batch sizes a search may try: powers of two (the default) or every integer (--exact), between a
// smallest and a largest size. Pure.

export interface BatchGrid {
  kind: "powers-of-two" | "exact";
  /** Smallest candidate (on the grid). */
  min: number;
  /** Largest candidate (on the grid). */
  max: number;
}

/** A min/max that leaves no candidate between them; the message names the flags. */
export class BatchGridError extends Error {
  readonly code = "KMB_ADVISE_GRID";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "BatchGridError";
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}

/** The largest power of two ≤ n (n ≥ 1). */
function powerOfTwoAtMost(n: number): number {
  return 2 ** Math.floor(Math.log2(n));
}

/** A grid from --min-batch / --max-batch: for powers of two, min rounds up and max rounds down onto the grid. */
export function batchGrid(kind: BatchGrid["kind"], min: number, max: number): BatchGrid {
  const lo = kind === "exact" ? min : 2 ** Math.ceil(Math.log2(min));
  const hi = kind === "exact" ? max : powerOfTwoAtMost(max);
  if (lo > hi) {
    throw new BatchGridError(
      kind === "exact"
        ? `--min-batch ${min} is above --max-batch ${max}`
        : `no power of two lies between --min-batch ${min} and --max-batch ${max} (add --exact to try any integer)`,
    );
  }
  return { kind, min: lo, max: hi };
}

export function onGrid(grid: BatchGrid, size: number): boolean {
  return size >= grid.min && size <= grid.max && (grid.kind === "exact" ? Number.isInteger(size) : isPowerOfTwo(size));
}

/** The largest candidate ≤ x, clamped into the grid (x may be fractional or infinite). */
export function floorToGrid(grid: BatchGrid, x: number): number {
  if (!(x >= grid.min)) return grid.min;
  if (x >= grid.max) return grid.max;
  return grid.kind === "exact" ? Math.floor(x) : Math.max(grid.min, powerOfTwoAtMost(x));
}

/** The next candidate above `size`, or null at the top. */
export function nextUp(grid: BatchGrid, size: number): number | null {
  const next = grid.kind === "exact" ? size + 1 : size * 2;
  return next > grid.max ? null : next;
}

/** The next candidate below `size`, or null at the bottom. */
export function nextDown(grid: BatchGrid, size: number): number | null {
  const previous = grid.kind === "exact" ? size - 1 : size / 2;
  return previous < grid.min ? null : previous;
}

/** The middle candidate of [lower, upper] (both on the grid): by exponent for powers of two, so bisection halves the steps left. */
export function middle(grid: BatchGrid, lower: number, upper: number): number {
  if (grid.kind === "exact") return Math.floor((lower + upper) / 2);
  return 2 ** Math.floor((Math.log2(lower) + Math.log2(upper)) / 2);
}
