// What counts as a change: global defaults, overridden per cell-id pattern. Parsed once from JSON
// (a file or an action input); every error names the source and the key that is wrong.
import { compileCellPattern } from "./cell-pattern.js";
import { ThresholdsError } from "./report-error.js";

export interface ThresholdValues {
  /** Rise of the fitted tensors/epoch slope that is a leak (counts are exact: no noise allowance). */
  tensorsPerEpoch: number;
  /** Rise of the fitted data-ids/epoch slope that is a leak. */
  dataIdsPerEpoch: number;
  /** Bytes a tensor-byte figure (step peak, activations, dataset, weights, optimizer state) may move without counting; they are exact, so 0 by default. */
  tensorBytesTolerance: number;
  /** Smallest relative change of a byte metric that can count (0.05 = 5%). */
  bytesMinChange: number;
  /** A byte delta must also exceed this many combined noise sigmas of the two runs. */
  bytesNoiseFactor: number;
  /** Smallest relative change of the median epoch time that can count (0.10 = 10%). */
  timeMinChange: number;
  /** Significance level of the Mann-Whitney test on epoch times. */
  timeAlpha: number;
  /** A median change must also exceed this many sigmas of the run-to-run scatter across cells. */
  timeNoiseFactor: number;
  /**
   * Smallest change of CPU time shared by all compared cells (median over cells) that is the code, not the
   * machine (0.15 = 15%): machine load moved it by up to 11% between identical reruns. Read from `defaults` only.
   */
  timeShiftMinChange: number;
  /** False: time deltas are shown but never decide a verdict (for runners too noisy to time on). */
  checkTime: boolean;
}

export interface CellThresholds {
  /** Glob on the cell id: `*` within a segment, `**` across segments, e.g. `lstm/*\/b256/*`. */
  pattern: string;
  values: Partial<ThresholdValues>;
}

export interface Thresholds {
  defaults: ThresholdValues;
  /** Applied in order over the defaults; a later matching pattern wins. */
  cells: CellThresholds[];
  /** Where these came from, for messages; null for the built-in defaults. */
  source: string | null;
}

export const DEFAULT_THRESHOLD_VALUES: Readonly<ThresholdValues> = Object.freeze({
  tensorsPerEpoch: 0.5,
  dataIdsPerEpoch: 0.5,
  tensorBytesTolerance: 0,
  bytesMinChange: 0.05,
  bytesNoiseFactor: 5,
  timeMinChange: 0.1,
  timeAlpha: 0.01,
  timeNoiseFactor: 4,
  timeShiftMinChange: 0.15,
  checkTime: true,
});

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  defaults: { ...DEFAULT_THRESHOLD_VALUES },
  cells: [],
  source: null,
});

type Kind = "count" | "bytes" | "fraction" | "factor" | "alpha" | "boolean";
const KINDS: Record<keyof ThresholdValues, Kind> = {
  tensorsPerEpoch: "count",
  dataIdsPerEpoch: "count",
  tensorBytesTolerance: "bytes",
  bytesMinChange: "fraction",
  bytesNoiseFactor: "factor",
  timeMinChange: "fraction",
  timeAlpha: "alpha",
  timeNoiseFactor: "factor",
  timeShiftMinChange: "fraction",
  checkTime: "boolean",
};
const KEYS = Object.keys(KINDS) as Array<keyof ThresholdValues>;
const TOP_KEYS = ["defaults", "cells"];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const shown = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value)));

function parseValue(kind: Kind, raw: unknown, source: string, key: string): number | boolean {
  if (kind === "boolean") {
    if (typeof raw !== "boolean") throw new ThresholdsError(source, key, `must be true or false (got ${shown(raw)})`);
    return raw;
  }
  let value = raw;
  // Fractions read as "10%" too, so nobody has to guess whether 10 means 10% or 1000%.
  if (kind === "fraction" && typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*%\s*$/.test(raw)) value = Number.parseFloat(raw) / 100;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const hint = kind === "fraction" ? ' (a fraction like 0.05, or "5%")' : "";
    throw new ThresholdsError(source, key, `must be a number${hint} (got ${shown(raw)})`);
  }
  if (value < 0) throw new ThresholdsError(source, key, `must not be negative (got ${shown(raw)})`);
  if (kind === "alpha" && !(value > 0 && value < 1))
    throw new ThresholdsError(source, key, `must be between 0 and 1, exclusive (got ${shown(raw)})`);
  if (kind === "fraction" && value > 10)
    throw new ThresholdsError(
      source,
      key,
      `is a fraction (0.05 = 5%); ${shown(raw)} would mean ${value * 100}% (write "${value}%" if that is meant)`,
    );
  return value;
}

function parseValues(raw: unknown, source: string, prefix: string): Partial<ThresholdValues> {
  if (!isPlainObject(raw)) throw new ThresholdsError(source, prefix, `must be an object of thresholds (got ${shown(raw)})`);
  const values: Partial<Record<keyof ThresholdValues, number | boolean>> = {};
  for (const [name, value] of Object.entries(raw)) {
    const key = `${prefix}.${name}`;
    if (!(KEYS as string[]).includes(name)) throw new ThresholdsError(source, key, `is not a threshold (known: ${KEYS.join(", ")})`);
    values[name as keyof ThresholdValues] = parseValue(KINDS[name as keyof ThresholdValues], value, source, key);
  }
  return values as Partial<ThresholdValues>;
}

/**
 * Reads thresholds from parsed JSON:
 * `{ "defaults": { "timeMinChange": 0.15 }, "cells": { "lstm/*\/b256/*": { "checkTime": false } } }`.
 * Keys starting with `$` (e.g. `$schema`, `$comment`) are ignored. `source` names the file or input in errors.
 */
export function parseThresholds(input: unknown, source: string): Thresholds {
  if (!isPlainObject(input))
    throw new ThresholdsError(source, "", `must be a JSON object with "defaults" and/or "cells" (got ${shown(input)})`);
  for (const key of Object.keys(input)) {
    if (key.startsWith("$")) continue;
    if (!TOP_KEYS.includes(key)) throw new ThresholdsError(source, key, `is not a thresholds key (known: defaults, cells)`);
  }
  const defaults: ThresholdValues = {
    ...DEFAULT_THRESHOLD_VALUES,
    ...(input.defaults === undefined ? {} : parseValues(input.defaults, source, "defaults")),
  };
  const cells: CellThresholds[] = [];
  if (input.cells !== undefined) {
    if (!isPlainObject(input.cells))
      throw new ThresholdsError(source, "cells", `must be an object keyed by cell-id pattern (got ${shown(input.cells)})`);
    for (const [pattern, raw] of Object.entries(input.cells)) {
      if (pattern.trim() === "") throw new ThresholdsError(source, "cells", "has an empty pattern");
      compileCellPattern(pattern);
      cells.push({ pattern, values: parseValues(raw, source, `cells.${pattern}`) });
    }
  }
  return { defaults, cells, source };
}

/** The thresholds one cell is judged by: the defaults, then every matching pattern in order. */
export function thresholdsForCell(thresholds: Thresholds, id: string): ThresholdValues {
  let values: ThresholdValues = { ...thresholds.defaults };
  for (const cell of thresholds.cells) {
    if (compileCellPattern(cell.pattern).test(id)) values = { ...values, ...cell.values };
  }
  return values;
}
