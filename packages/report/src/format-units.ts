// Numbers as people read them, always with a unit. Bytes use binary prefixes (1 MiB = 1024² bytes).
import type { MetricName } from "./comparison-types.js";

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

function threeDigits(value: number): string {
  const a = Math.abs(value);
  if (a >= 100) return value.toFixed(0);
  if (a >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const sign = (value: number): string => (value > 0 ? "+" : value < 0 ? "−" : "±");

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? value.toFixed(0) : threeDigits(value);
  return `${bytes < 0 ? "−" : ""}${text} ${BYTE_UNITS[unit]}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const a = Math.abs(ms);
  const s = ms < 0 ? "−" : "";
  if (a >= 60_000) return `${s}${threeDigits(a / 60_000)} min`;
  if (a >= 1000) return `${s}${threeDigits(a / 1000)} s`;
  return `${s}${threeDigits(a)} ms`;
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "—";
  const pct = Math.abs(fraction * 100);
  const text = pct >= 100 ? pct.toFixed(0) : pct.toFixed(1);
  // A change that rounds to nothing should not look like a direction.
  return `${/^0(\.0)?$/.test(text) ? "±" : sign(fraction)}${text}%`;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const a = Math.abs(value);
  if (a >= 10_000) return value.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (Number.isInteger(value)) return value.toFixed(0);
  return threeDigits(value);
}

export interface MetricInfo {
  label: string;
  /** "bytes" values print with binary prefixes, "ms" as durations; otherwise the unit is appended. */
  kind: "bytes" | "bytes-per-epoch" | "ms" | "count-per-epoch" | "rate";
  unit: string;
  /** Larger is worse (memory, time); false where larger is better (throughput). */
  higherIsWorse: boolean;
}

export const METRIC_INFO: Record<MetricName, MetricInfo> = {
  peakRssBytes: { label: "peak RSS", kind: "bytes", unit: "", higherIsWorse: true },
  retainedBytes: { label: "retained", kind: "bytes", unit: "", higherIsWorse: true },
  rssBytesPerEpoch: { label: "RSS growth", kind: "bytes-per-epoch", unit: "/epoch", higherIsWorse: true },
  tensorsPerEpoch: { label: "tensors", kind: "count-per-epoch", unit: "tensors/epoch", higherIsWorse: true },
  dataIdsPerEpoch: { label: "data ids", kind: "count-per-epoch", unit: "data ids/epoch", higherIsWorse: true },
  numBytesPerEpoch: { label: "tensor bytes growth", kind: "bytes-per-epoch", unit: "/epoch", higherIsWorse: true },
  meanEpochMs: { label: "epoch time", kind: "ms", unit: "", higherIsWorse: true },
  epochCpuMs: { label: "epoch CPU", kind: "ms", unit: "", higherIsWorse: true },
  samplesPerSecond: { label: "throughput", kind: "rate", unit: "samples/s", higherIsWorse: false },
  peakGpuUsedBytes: { label: "peak GPU", kind: "bytes", unit: "", higherIsWorse: true },
};

/** A metric's value with its unit, e.g. "312 MiB", "1.20 MiB/epoch", "0.50 tensors/epoch", "212 ms". */
export function formatMetricValue(metric: MetricName, value: number | null): string {
  if (value === null) return "—";
  const info = METRIC_INFO[metric];
  switch (info.kind) {
    case "bytes":
      return formatBytes(value);
    case "bytes-per-epoch":
      return `${formatBytes(value)}${info.unit}`;
    case "ms":
      return formatDuration(value);
    case "count-per-epoch":
      return `${Number.isFinite(value) ? value.toFixed(2) : "—"} ${info.unit}`;
    case "rate":
      return `${formatNumber(value)} ${info.unit}`;
  }
}

/** A signed change with its unit, e.g. "+30.5 MiB", "−0.50 tensors/epoch", "+42.0 ms". */
export function formatMetricDelta(metric: MetricName, delta: number | null): string {
  if (delta === null) return "—";
  const text = formatMetricValue(metric, Math.abs(delta));
  return `${sign(delta)}${text}`;
}
