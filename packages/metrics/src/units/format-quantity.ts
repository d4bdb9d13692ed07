// Quantities with their units: bytes in binary prefixes (1 MiB = 1024² bytes), durations, counts,
// rates and per-epoch slopes. Every printed number carries its unit. Browser-safe.
import { formatNumber, MINUS, MISSING, significant, withSign } from "./format-number.js";

/** What is counted: the noun printed after a count, a slope or a rate. */
export type CountNoun = "tensors" | "data ids" | "samples";

/**
 * A metric's unit, as printed after its value (and on chart axes). `X/epoch` is a fitted slope
 * and prints signed; `X/s` is a rate.
 */
export type Unit = "bytes" | "bytes/epoch" | "ms" | CountNoun | `${CountNoun}/epoch` | `${CountNoun}/s`;

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

/** Bytes with a binary prefix: 512 → "512 B", 1536 → "1.50 KiB", 173_119_488 → "165 MiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return MISSING;
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // Below 1 KiB bytes are whole; a rounding up to 1024 of the prefix moves on to the next one.
  let text = unit === 0 ? value.toFixed(0) : significant(value);
  if (text === "1024" && unit < BYTE_UNITS.length - 1) {
    unit++;
    text = significant(1);
  }
  return `${bytes < 0 && /[1-9]/.test(text) ? MINUS : ""}${text} ${BYTE_UNITS[unit]}`;
}

const two = (n: number): string => String(n).padStart(2, "0");

/**
 * A duration: "212 ms", "12.3 ms", "1.50 s", "12.3 s"; from a minute on as a clock reads it,
 * "2 min 05 s", and from an hour "1 h 02 min".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return MISSING;
  const a = Math.abs(ms);
  const sign = ms < 0 ? MINUS : "";
  if (a < 1000) {
    const text = significant(a);
    return text === "1000" ? `${sign}${significant(1)} s` : `${sign}${text} ms`;
  }
  if (a < 59_500) return `${sign}${significant(a / 1000)} s`;
  const seconds = Math.round(a / 1000);
  if (seconds < 3600) return `${sign}${Math.floor(seconds / 60)} min ${two(seconds % 60)} s`;
  const minutes = Math.round(a / 60_000);
  return `${sign}${Math.floor(minutes / 60)} h ${two(minutes % 60)} min`;
}

/** A count: "12", "12,345 tensors". */
export function formatCount(value: number, noun?: CountNoun): string {
  if (!Number.isFinite(value)) return MISSING;
  return noun === undefined ? formatNumber(value) : `${formatNumber(value)} ${noun}`;
}

/** A rate: "2,560 samples/s", "3.50 samples/s". */
export function formatRate(perSecond: number, noun: CountNoun): string {
  if (!Number.isFinite(perSecond)) return MISSING;
  return `${formatNumber(perSecond)} ${noun}/s`;
}

/** A fitted slope per epoch, always signed: "+8.00 MiB/epoch", "±0.00 tensors/epoch". */
export function formatPerEpoch(perEpoch: number, unit: "bytes" | CountNoun): string {
  if (!Number.isFinite(perEpoch)) return MISSING;
  return `${withSign(perEpoch, unit === "bytes" ? formatBytes : significant)}${unit === "bytes" ? "" : ` ${unit}`}/epoch`;
}

function perEpochNoun(unit: Unit): CountNoun | "bytes" | null {
  return unit.endsWith("/epoch") ? (unit.slice(0, -"/epoch".length) as CountNoun | "bytes") : null;
}

/** A value in its unit, e.g. "312 MiB", "+1.20 MiB/epoch", "+0.50 tensors/epoch", "212 ms", "2,560 samples/s". */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const slope = perEpochNoun(unit);
  if (slope !== null) return formatPerEpoch(value, slope);
  if (unit === "bytes") return formatBytes(value);
  if (unit === "ms") return formatDuration(value);
  if (unit.endsWith("/s")) return formatRate(value, unit.slice(0, -2) as CountNoun);
  return formatCount(value, unit as CountNoun);
}

/** A signed change in the value's unit: "+30.5 MiB", "−0.50 tensors/epoch", "+42.0 ms". */
export function formatDelta(delta: number | null | undefined, unit: Unit): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return MISSING;
  const slope = perEpochNoun(unit);
  if (slope !== null) return formatPerEpoch(delta, slope);
  return withSign(delta, (a) => formatValue(a, unit));
}

/** A chart axis title with its unit: "Peak RSS (bytes)". */
export function axisLabel(label: string, unit: Unit): string {
  return `${label} (${unit})`;
}
