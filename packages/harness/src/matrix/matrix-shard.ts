// `--shard i/n`: one slice of the matrix for parallel CI jobs. Pure.
import { MatrixSelectionError } from "./selection-error.js";

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
