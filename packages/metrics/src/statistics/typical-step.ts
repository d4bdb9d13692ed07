// What a typical epoch adds to a series: the median of its epoch-to-epoch changes. Unlike a fitted slope,
// a single jump (an allocator taking another chunk once) moves it hardly at all.

import { median } from "./median.js";

/** Median change per epoch between consecutive readings; 0 with fewer than two readings. */
export function typicalStep(epochs: readonly number[], values: readonly number[]): number {
  const steps: number[] = [];
  for (let i = 1; i < values.length; i++) steps.push((values[i]! - values[i - 1]!) / (epochs[i]! - epochs[i - 1]!));
  return steps.length > 0 ? median(steps) : 0;
}
