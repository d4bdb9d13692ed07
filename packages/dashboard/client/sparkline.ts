// Small multiples are drawn straight on a canvas: a few hundred of them must stay cheap, and a
// sparkline needs no axes, legend or cursor.
import { displayRange } from "../src/display-range.js";
import type { Quiet } from "../src/model-types.js";

export interface SparklineOptions {
  color: string;
  quiet: Quiet;
  /** Commit indices to mark as regressions. */
  markers: readonly number[];
  /** Commit indices where the cell crashed or errored (no value): drawn as a cross at the bottom. */
  failures: readonly number[];
  markerColor: string;
  baselineColor: string;
}

export function drawSparkline(canvas: HTMLCanvasElement, values: readonly (number | null)[], options: SparklineOptions): boolean {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return false;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext("2d");
  if (!ctx) return false;
  ctx.scale(dpr, dpr);
  ctx.clearRect(0, 0, width, height);

  const present = values.filter((v): v is number => v !== null);
  const n = values.length;
  const pad = 4;
  const [min, max] = present.length ? displayRange(Math.min(...present), Math.max(...present), options.quiet) : [0, 1];
  const x = (i: number) => pad + (n <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => height - pad - ((v - min) / (max - min)) * (height - 2 * pad);

  if (min < 0 && max > 0) {
    ctx.strokeStyle = options.baselineColor;
    ctx.setLineDash([2, 3]);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(pad, y(0));
    ctx.lineTo(width - pad, y(0));
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Area first, then the line on top; a null (cell absent or crashed) breaks both.
  const segments: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push([x(i), y(v)]);
  });
  if (current.length) segments.push(current);
  ctx.lineJoin = "round";
  for (const seg of segments) {
    const first = seg[0];
    const last = seg[seg.length - 1];
    if (!first || !last) continue;
    ctx.beginPath();
    ctx.moveTo(first[0], height - pad);
    for (const [px, py] of seg) ctx.lineTo(px, py);
    ctx.lineTo(last[0], height - pad);
    ctx.closePath();
    ctx.globalAlpha = 0.12;
    ctx.fillStyle = options.color;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.beginPath();
    seg.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    if (seg.length === 1) {
      ctx.fillStyle = options.color;
      ctx.fillRect(first[0] - 1.5, first[1] - 1.5, 3, 3);
    }
  }

  const lastIndex = values.length - 1;
  const lastValue = values[lastIndex];
  if (lastValue !== null && lastValue !== undefined) {
    ctx.fillStyle = options.color;
    ctx.beginPath();
    ctx.arc(x(lastIndex), y(lastValue), 2.5, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = options.markerColor;
  ctx.strokeStyle = options.markerColor;
  for (const i of options.markers) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    ctx.beginPath();
    ctx.arc(x(i), y(v), 3.5, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.lineWidth = 2;
  for (const i of options.failures) {
    const cx = x(i);
    const cy = height - pad - 3;
    ctx.beginPath();
    ctx.moveTo(cx - 3, cy - 3);
    ctx.lineTo(cx + 3, cy + 3);
    ctx.moveTo(cx + 3, cy - 3);
    ctx.lineTo(cx - 3, cy + 3);
    ctx.stroke();
  }
  return true;
}
