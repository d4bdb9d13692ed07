// A suite's per-cell settings (`overrides`): which cells an entry picks and what a cell ends up with. Pure.
import type { MatrixCell } from "../matrix/matrix-cells.js";

/** One `overrides` entry after validation; null means the entry leaves that setting alone. */
export interface ResolvedOverride {
  where: { family?: string[]; strategy?: string[]; batchSize?: number[]; backend?: string[] };
  skip: boolean;
  samplesPerEpoch: number | null;
  maxRssBytes: number | null;
}

/** What the overrides give one cell; absent keys keep the suite's (or the command line's) value. */
export interface CellSettings {
  skip: boolean;
  samplesPerEpoch?: number;
  maxRssBytes?: number;
}

type CellAxes = Pick<MatrixCell, "family" | "strategy" | "batchSize" | "backend">;

export function overrideMatches(override: ResolvedOverride, cell: CellAxes): boolean {
  const { family, strategy, batchSize, backend } = override.where;
  return (
    (family === undefined || family.includes(cell.family)) &&
    (strategy === undefined || strategy.includes(cell.strategy)) &&
    (batchSize === undefined || batchSize.includes(cell.batchSize)) &&
    (backend === undefined || backend.includes(cell.backend))
  );
}

/** Applies every matching entry in order, so a later entry wins for the keys it sets. */
export function cellSettings(overrides: readonly ResolvedOverride[], cell: CellAxes): CellSettings {
  const settings: CellSettings = { skip: false };
  for (const override of overrides) {
    if (!overrideMatches(override, cell)) continue;
    if (override.skip) settings.skip = true;
    if (override.samplesPerEpoch !== null) settings.samplesPerEpoch = override.samplesPerEpoch;
    if (override.maxRssBytes !== null) settings.maxRssBytes = override.maxRssBytes;
  }
  return settings;
}
