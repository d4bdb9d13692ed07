// The y range a chart shows. Browser-safe and pure: sparklines and uPlot charts share it.
import type { Quiet } from "./model-types.js";

/**
 * At least twice the metric's quiet band (so noise draws as a flat line instead of being
 * blown up to full height), otherwise the data's range with 6% padding.
 */
export function displayRange(min: number | null, max: number | null, quiet: Quiet): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const center = (min + max) / 2;
  const minSpan = 2 * Math.max(quiet.absolute, quiet.relative * Math.abs(center), Math.abs(center) * 1e-3, 1e-9);
  const span = max - min;
  if (span < minSpan) return [center - minSpan / 2, center + minSpan / 2];
  return [min - span * 0.06, max + span * 0.06];
}
