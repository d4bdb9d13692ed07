// Parsing and printing quantities. Every printed number carries its unit.

const SIZE_UNITS: Record<string, number> = { "": 1, b: 1, k: 2 ** 10, kb: 2 ** 10, kib: 2 ** 10, m: 2 ** 20, mb: 2 ** 20, mib: 2 ** 20, g: 2 ** 30, gb: 2 ** 30, gib: 2 ** 30 };

/** "512M", "2G", "1.5GiB", "300000000" → bytes (binary multiples: 1M = 1 MiB). Null when it is not a size. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = SIZE_UNITS[match[2]!.toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes > 0 ? bytes : null;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, "": 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** "90s", "5m", "1500ms", "30" (seconds) → milliseconds. Null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = DURATION_UNITS[match[2]!.toLowerCase()];
  if (unit === undefined) return null;
  const ms = Math.round(Number(match[1]) * unit);
  return ms > 0 ? ms : null;
}

const MIB = 2 ** 20;

export function formatMiB(bytes: number, digits = 1): string {
  return `${(bytes / MIB).toFixed(digits)} MiB`;
}

/** A signed per-epoch rate, e.g. "+8.00 MiB/epoch". */
export function formatMiBPerEpoch(bytesPerEpoch: number): string {
  const v = bytesPerEpoch / MIB;
  return `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(2)} MiB/epoch`;
}

export function formatCountPerEpoch(countPerEpoch: number, noun: string): string {
  return `${countPerEpoch >= 0 ? "+" : "−"}${Math.abs(countPerEpoch).toFixed(2)} ${noun}/epoch`;
}

/** Bytes in the largest binary unit that keeps the number ≥ 1: "812 B", "4.0 KiB", "12.3 MiB". */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1024) return `${Math.round(bytes)} B`;
  if (abs < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (abs < 2 ** 30) return `${(bytes / MIB).toFixed(1)} MiB`;
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

/** Wall-clock durations for progress lines: "850 ms", "12.3 s", "2 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, "0")} s`;
}

export function formatRate(perSecond: number, noun: string): string {
  return `${perSecond >= 100 ? Math.round(perSecond).toLocaleString("en-US") : perSecond.toFixed(1)} ${noun}/s`;
}
