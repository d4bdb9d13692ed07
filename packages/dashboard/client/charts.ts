// uPlot charts with the dashboard's conventions: units on the y axis, commits or epochs on x,
// regression markers drawn on top, colours and fonts from the page's CSS variables.
import uPlot from "uplot";
import { formatBytes, formatDuration, formatNumber, formatValue, MISSING } from "@keras-mem-bench/metrics/browser";
import { displayRange } from "../src/display-range.js";
import type { Quiet, Unit } from "../src/model-types.js";
import { cssVar } from "./dom.js";

export interface LineSpec {
  label: string;
  color: string;
  values: (number | null)[];
}

export interface PointMark {
  /** Index into ChartSpec.lines. */
  line: number;
  x: number;
  /** Null draws the mark at the bottom of the plot (a crash has no value). */
  y: number | null;
  kind: "regression" | "failure";
}

export interface ChartSpec {
  xs: number[];
  lines: LineSpec[];
  marks: PointMark[];
  xLabel: string;
  xTick(x: number): string;
  yLabel: string;
  unit: Unit;
  quiet: Quiet;
  height: number;
  /** Shaded x range, e.g. the warm-up epochs left out of the slopes. */
  band?: { from: number; to: number } | null;
  ariaLabel: string;
  onCursor?: (x: number | null) => void;
  onDrawn?: () => void;
}

/** Tick labels in the axis's base unit; the axis label says which. */
export function formatTick(value: number, unit: Unit): string {
  if (unit === "bytes" || unit === "bytes/epoch") return formatBytes(value);
  if (unit === "ms") return formatDuration(value);
  return formatNumber(value);
}

// Ticks at 1-2-5 steps of binary units, so a bytes axis reads 300 MiB, 400 MiB, not 286 MiB, 381 MiB.
const BYTE_INCREMENTS = [1, 1024, 1024 ** 2, 1024 ** 3].flatMap((unit) => [1, 2, 5, 10, 20, 50, 100, 200, 500].map((k) => k * unit));

function triangle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r * 0.9, y + r * 0.6);
  ctx.lineTo(x - r * 0.9, y + r * 0.6);
  ctx.closePath();
}

/** Mounts a chart filling the container's width; returns a function that removes it. */
export function mountChart(container: HTMLElement, spec: ChartSpec): () => void {
  const fg = cssVar("--fg-muted", "#555");
  const grid = cssVar("--grid", "#e9ecef");
  const danger = cssVar("--danger", "#e03131");
  const surface = cssVar("--surface", "#fff");
  const bandColor = cssVar("--band", "rgba(0,0,0,0.05)");
  const font = "11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  const labelFont = "600 11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  let drawn = false;
  const axis = { stroke: fg, font, labelFont, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };

  const options: uPlot.Options = {
    width: Math.max(240, container.clientWidth),
    height: spec.height,
    scales: { x: { time: false }, y: { range: (_u, min, max) => displayRange(min, max, spec.quiet) } },
    series: [
      { label: spec.xLabel, value: (_u, v) => (v === null || v === undefined ? MISSING : spec.xTick(v)) },
      ...spec.lines.map((line) => ({
        label: line.label,
        stroke: line.color,
        width: 1.75,
        spanGaps: false,
        points: { size: 4, fill: line.color },
        value: (_u: uPlot, v: number | null) => formatValue(v, spec.unit),
      })),
    ],
    axes: [
      {
        ...axis,
        label: spec.xLabel,
        labelSize: 16,
        size: 32,
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        space: 56,
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? spec.xTick(v) : "")),
      },
      {
        ...axis,
        label: spec.yLabel,
        labelSize: 18,
        size: 66,
        ...(spec.unit === "bytes" || spec.unit === "bytes/epoch" ? { incrs: BYTE_INCREMENTS } : {}),
        values: (_u, splits) => splits.map((v) => formatTick(v, spec.unit)),
      },
    ],
    cursor: { lock: true, focus: { prox: 16 } },
    focus: { alpha: 0.35 },
    legend: { live: true },
    hooks: {
      drawAxes: [
        (u) => {
          if (!spec.band) return;
          const left = u.valToPos(spec.band.from, "x", true);
          const right = u.valToPos(spec.band.to, "x", true);
          u.ctx.save();
          u.ctx.fillStyle = bandColor;
          u.ctx.fillRect(Math.max(u.bbox.left, left), u.bbox.top, Math.max(0, right - Math.max(u.bbox.left, left)), u.bbox.height);
          u.ctx.restore();
        },
      ],
      draw: [
        (u) => {
          const ctx = u.ctx;
          const r = 6 * uPlot.pxRatio;
          ctx.save();
          ctx.lineWidth = 1.5 * uPlot.pxRatio;
          ctx.strokeStyle = surface;
          ctx.fillStyle = danger;
          for (const mark of spec.marks) {
            if (u.series[mark.line + 1]?.show === false) continue;
            const x = u.valToPos(mark.x, "x", true);
            if (mark.kind === "failure" || mark.y === null) {
              const y = u.bbox.top + u.bbox.height - r;
              ctx.beginPath();
              ctx.moveTo(x - r * 0.7, y - r * 0.7);
              ctx.lineTo(x + r * 0.7, y + r * 0.7);
              ctx.moveTo(x + r * 0.7, y - r * 0.7);
              ctx.lineTo(x - r * 0.7, y + r * 0.7);
              ctx.save();
              ctx.strokeStyle = danger;
              ctx.lineWidth = 2.5 * uPlot.pxRatio;
              ctx.stroke();
              ctx.restore();
            } else {
              triangle(ctx, x, u.valToPos(mark.y, "y", true), r);
              ctx.fill();
              ctx.stroke();
            }
          }
          ctx.restore();
          if (!drawn) {
            drawn = true;
            spec.onDrawn?.();
          }
        },
      ],
      setCursor: [(u) => spec.onCursor?.(u.cursor.idx ?? null)],
      // Until the cursor moves in, the legend shows the newest values rather than dashes.
      ready: [(u) => u.setLegend({ idx: spec.xs.length - 1 }, false)],
    },
  };
  const data: uPlot.AlignedData = [spec.xs, ...spec.lines.map((l) => l.values)];
  const chart = new uPlot(options, data, container);
  const canvas = chart.root.querySelector("canvas");
  canvas?.setAttribute("role", "img");
  canvas?.setAttribute("aria-label", spec.ariaLabel);

  let lastWidth = container.clientWidth;
  const resize = new ResizeObserver(() => {
    const width = container.clientWidth;
    if (width > 0 && Math.abs(width - lastWidth) > 1) {
      lastWidth = width;
      chart.setSize({ width: Math.max(240, width), height: spec.height });
    }
  });
  resize.observe(container);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}
