// Two families trained the same way (strategy, backend, batch size), for the per-family claims. Pure.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { activation, okCells, sameSetting } from "./_claim-cells.js";

export interface FamilyPair {
  a: Cell;
  b: Cell;
}

/** One pair per batch size (smallest data set first is as good as any: activations do not depend on it), both with activation bytes. */
export function familyPairs(results: ResultsFile, familyA: string, familyB: string): FamilyPair[] {
  const ok = okCells(results).filter((c) => activation(c) !== null);
  const pairs = new Map<number, FamilyPair>();
  for (const a of ok.filter((c) => c.family === familyA)) {
    const b = ok.find((c) => c.family === familyB && c.batchSize === a.batchSize && sameSetting(c, a));
    if (b && !pairs.has(a.batchSize)) pairs.set(a.batchSize, { a, b });
  }
  return [...pairs.values()].sort((x, y) => x.a.batchSize - y.a.batchSize);
}
