// Synthetic runs for the tests: one base and one head cell per key, from the results package's generator.
import {
  syntheticCell,
  syntheticResults,
  type Cell,
  type CellKeyInput,
  type ResultsFile,
  type SyntheticCellOptions,
} from "@keras-mem-bench/results";

export const key = (family = "dense", strategy = "tf-data", batchSize = 32, backend = "wasm"): CellKeyInput => ({
  family,
  strategy,
  batchSize,
  backend,
});

export function cell(k: CellKeyInput, options: SyntheticCellOptions = {}): Cell {
  return syntheticCell(k, { noise: 0.01, ...options });
}

export function run(cells: Cell[], sha?: string): ResultsFile {
  return syntheticResults(cells, sha === undefined ? {} : { sha });
}

/** A base and head run of the same keys, the head changed by `head` options; seeds differ so noise differs. */
export function pair(
  keys: CellKeyInput[],
  base: SyntheticCellOptions = {},
  head: SyntheticCellOptions = {},
): { base: ResultsFile; head: ResultsFile } {
  return {
    base: run(
      keys.map((k, i) => cell(k, { seed: 100 + i, ...base })),
      "a".repeat(40),
    ),
    head: run(
      keys.map((k, i) => cell(k, { seed: 200 + i, ...head })),
      "b".repeat(40),
    ),
  };
}
