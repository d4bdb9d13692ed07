// The one precision rule and the one missing-value glyph every printed number follows (terminal
// tables, compare reasons, markdown, the dashboard). Browser-safe: no imports.

/** What a value that was not measured (or is not a finite number) prints as, everywhere. */
export const MISSING = "—";

/** The minus sign (U+2212): lines up with "+" and "±" in tables, unlike a hyphen. */
export const MINUS = "−";

/**
 * The precision rule: three significant digits for scaled values (1.23, 12.3, 123), so "165 MiB"
 * reads the same in `kmb run`, `kmb compare`, the PR comment and the dashboard. From 100 up a value
 * prints whole: the fourth digit of a noisy reading is noise.
 */
export function significant(value: number): string {
  const a = Math.abs(value);
  if (a >= 100) return value.toFixed(0);
  if (a >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Digits grouped by thousands with commas: 12345 → "12,345". */
function grouped(whole: number): string {
  return whole.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A plain number: whole from 100 up (grouped: "12,345"), integers as they are, otherwise three significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  const a = Math.abs(value);
  const text = a >= 100 ? grouped(Math.round(a)) : Number.isInteger(a) ? a.toFixed(0) : significant(a);
  return value < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
}

/**
 * Prefixes "+" or "−", or "±" when the magnitude prints as zero: a change that rounds to nothing
 * must not look like a direction. `magnitude` formats the absolute value.
 */
export function withSign(value: number, magnitude: (abs: number) => string): string {
  if (!Number.isFinite(value)) return MISSING;
  const text = magnitude(Math.abs(value));
  if (!/[1-9]/.test(text)) return `±${text}`;
  return `${value > 0 ? "+" : MINUS}${text}`;
}

/** A signed relative change: 0.123 → "+12.3%", −0.05 → "−5.0%"; one decimal below 100%. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return MISSING;
  return withSign(fraction, (a) => {
    const pct = a * 100;
    return `${pct >= 100 ? pct.toFixed(0) : pct.toFixed(1)}%`;
  });
}
