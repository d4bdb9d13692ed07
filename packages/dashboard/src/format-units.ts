// Number formatting for axes, tiles and tables. Browser-safe: the client bundle uses it.
import type { Unit } from "./model-types.js";

const BINARY = ["B", "KiB", "MiB", "GiB", "TiB"];

function trim(value: number, digits: number): string {
  const abs = Math.abs(value);
  const fixed = abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(Math.min(1, digits)) : value.toFixed(digits);
  // "12.0" reads worse than "12" on a crowded axis.
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** Bytes in binary units: 1536 → "1.5 KiB". */
export function formatBytes(bytes: number, digits = 1): string {
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < BINARY.length - 1) {
    value /= 1024;
    i++;
  }
  return `${trim(value, i === 0 ? 0 : digits)} ${BINARY[i]}`;
}

/** Plain counts with k/M suffixes: 12345 → "12.3k". */
export function formatCount(value: number, digits = 1): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${trim(value / 1e6, digits)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3, digits)}k`;
  return trim(value, abs < 10 ? 2 : digits);
}

export function formatMs(ms: number): string {
  if (Math.abs(ms) >= 10_000) return `${trim(ms / 1000, 1)} s`;
  if (Math.abs(ms) >= 1000) return `${trim(ms / 1000, 2)} s`;
  return `${trim(ms, 1)} ms`;
}

/** A value with its unit, as shown to people. Null (not measured) is an en dash. */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  switch (unit) {
    case "bytes":
      return formatBytes(value);
    case "bytes/epoch":
      return `${formatBytes(value)}/epoch`;
    case "tensors":
      return formatCount(value);
    case "tensors/epoch":
      return `${formatCount(value)}/epoch`;
    case "ms":
      return formatMs(value);
    case "samples/s":
      return `${formatCount(value)}/s`;
  }
}

/** Signed relative change: 0.123 → "+12.3%". */
export function formatRelative(relative: number | null): string {
  if (relative === null || !Number.isFinite(relative)) return "";
  const pct = relative * 100;
  const sign = pct > 0 ? "+" : pct < 0 ? "−" : "±";
  return `${sign}${trim(Math.abs(pct), Math.abs(pct) < 10 ? 1 : 0)}%`;
}

/** Axis label with its unit, e.g. "Peak RSS (bytes)". */
export function axisLabel(label: string, unit: Unit): string {
  return `${label} (${unit})`;
}
