// Sizes and durations as people type them on a command line (--max-rss 512M, --timeout 90s).

const SIZE_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  kib: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  mib: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
  gib: 2 ** 30,
};

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, "": 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** "<number><unit>" → number × the unit's multiple, rounded; null when the text is not that or not positive. */
function parseQuantity(text: string, units: Record<string, number>): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = units[match[2]!.toLowerCase()];
  if (unit === undefined) return null;
  const value = Math.round(Number(match[1]) * unit);
  return value > 0 ? value : null;
}

/** "512M", "2G", "1.5GiB", "300000000" → bytes (binary multiples: 1M = 1 MiB). Null when it is not a size. */
export function parseSize(text: string): number | null {
  return parseQuantity(text, SIZE_UNITS);
}

/** "90s", "5m", "1500ms", "30" (seconds) → milliseconds. Null when it is not a duration. */
export function parseDuration(text: string): number | null {
  return parseQuantity(text, DURATION_UNITS);
}
