// The matrix as a static SVG: one panel per family (strategies × batch sizes), each square coloured by the
// chosen figure on one scale for the whole picture, its value written in it. Pure: the README embeds the
// output and the dashboard shows the same string.
import type { ResultsFile } from "@keras-mem-bench/results";
import { formatBytes } from "@keras-mem-bench/metrics";
import { HEATMAP_METRIC_INFO, heatmapGrid, type HeatmapGrid, type HeatmapMetric, type HeatmapSquare } from "./heatmap-grid.js";

export interface HeatmapSvgOptions {
  /** Text above the panels (default: the metric and the suite). */
  title?: string;
}

const SQUARE_W = 74;
const SQUARE_H = 30;
const LABEL_W = 84;
const PANEL_GAP = 24;
const HEADER_H = 46;
const TOP = 40;
const LEGEND_H = 60;
const PANELS_PER_ROW = 2;

// A light-to-dark sequential ramp (yellow → orange → dark red): ordered, and readable in grey scale.
const RAMP: ReadonlyArray<readonly [number, number, number]> = [
  [255, 247, 188],
  [254, 196, 79],
  [236, 112, 20],
  [153, 52, 4],
];

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Position 0..1 on the ramp → "rgb(r,g,b)". */
export function rampColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [RAMP[i]!, RAMP[i + 1]!];
  return `rgb(${a.map((v, k) => Math.round(v + (b[k]! - v) * f)).join(",")})`;
}

function position(value: number, grid: HeatmapGrid): number {
  const range = grid.range;
  if (range === null || range.max === range.min) return 1;
  // From 0, not from the smallest value: a square twice as dark holds about twice the bytes.
  return value / range.max;
}

function square(s: HeatmapSquare, x: number, y: number, grid: HeatmapGrid): string {
  const rect = (fill: string, extra = "") =>
    `<rect x="${x}" y="${y}" width="${SQUARE_W - 2}" height="${SQUARE_H - 2}" rx="3" fill="${fill}"${extra}/>`;
  const text = (t: string, fill: string) =>
    `<text x="${x + (SQUARE_W - 2) / 2}" y="${y + SQUARE_H / 2 + 2}" text-anchor="middle" fill="${fill}">${escapeXml(t)}</text>`;
  switch (s.kind) {
    case "absent":
      return rect("#f4f4f4");
    case "missing":
      return `<g class="heatmap-square missing"><title>${escapeXml(`${s.id}: ${s.reason}`)}</title>${rect("#e6e6e6")}${text("–", "#777")}</g>`;
    case "failed":
      return `<g class="heatmap-square failed"><title>${escapeXml(`${s.id}: ${s.status}`)}</title>${rect("#ffffff", ' stroke="#c0392b" stroke-width="1.5" stroke-dasharray="4 2"')}${text(s.status, "#c0392b")}</g>`;
    case "value": {
      const t = position(s.bytes, grid);
      return `<g class="heatmap-square value" data-cell="${escapeXml(s.id)}" data-bytes="${s.bytes}"><title>${escapeXml(`${s.id}: ${formatBytes(s.bytes)}`)}</title>${rect(rampColor(t))}${text(formatBytes(s.bytes), t > 0.55 ? "#ffffff" : "#222222")}</g>`;
    }
  }
}

export function renderHeatmapSvg(results: ResultsFile, metric: HeatmapMetric, options: HeatmapSvgOptions = {}): string {
  const grid = heatmapGrid(results, metric);
  const info = HEATMAP_METRIC_INFO[metric];
  const panelW = LABEL_W + grid.batchSizes.length * SQUARE_W;
  const panelH = HEADER_H + grid.strategies.length * SQUARE_H;
  const columns = Math.max(1, Math.min(PANELS_PER_ROW, grid.panels.length));
  const rows = Math.ceil(grid.panels.length / columns);
  const width = Math.max(columns * panelW + (columns - 1) * PANEL_GAP + 20, 420);
  const height = TOP + rows * panelH + (rows - 1) * PANEL_GAP + LEGEND_H;
  const backends = new Set(grid.panels.map((p) => p.backend));
  const title = options.title ?? `${info.label} · suite "${results.suite.name}" · ${results.cells.length} cells`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11" role="img" aria-label="${escapeXml(`${title}: ${info.description}`)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="18" font-size="14" font-weight="600" fill="#222">${escapeXml(title)}</text>`,
    `<text x="10" y="33" fill="#555">${escapeXml(info.description)}</text>`,
  ];
  grid.panels.forEach((panel, p) => {
    const px = 10 + (p % columns) * (panelW + PANEL_GAP);
    const py = TOP + Math.floor(p / columns) * (panelH + PANEL_GAP);
    const name = backends.size > 1 ? `${panel.family} · ${panel.backend}` : panel.family;
    parts.push(`<g class="heatmap-panel" data-family="${escapeXml(panel.family)}" data-backend="${escapeXml(panel.backend)}">`);
    parts.push(`<text x="${px}" y="${py + 16}" font-size="13" font-weight="600" fill="#222">${escapeXml(name)}</text>`);
    grid.batchSizes.forEach((b, j) =>
      parts.push(
        `<text x="${px + LABEL_W + j * SQUARE_W + (SQUARE_W - 2) / 2}" y="${py + HEADER_H - 6}" text-anchor="middle" fill="#555">b${b}</text>`,
      ),
    );
    panel.rows.forEach((row, i) => {
      const y = py + HEADER_H + i * SQUARE_H;
      parts.push(
        `<text x="${px + LABEL_W - 6}" y="${y + SQUARE_H / 2 + 2}" text-anchor="end" fill="#333">${escapeXml(grid.strategies[i]!)}</text>`,
      );
      row.forEach((s, j) => parts.push(square(s, px + LABEL_W + j * SQUARE_W, y, grid)));
    });
    parts.push(`</g>`);
  });
  const ly = height - LEGEND_H + 14;
  if (grid.range !== null) {
    const stops = RAMP.map(
      (_, k) => `<stop offset="${(k / (RAMP.length - 1)).toFixed(2)}" stop-color="${rampColor(k / (RAMP.length - 1))}"/>`,
    ).join("");
    parts.push(
      `<defs><linearGradient id="kmb-ramp" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient></defs>`,
      `<g class="heatmap-legend"><rect x="10" y="${ly}" width="200" height="10" fill="url(#kmb-ramp)"/>`,
      `<text x="10" y="${ly + 24}" fill="#555">0 B</text>`,
      `<text x="210" y="${ly + 24}" text-anchor="end" fill="#555">${escapeXml(formatBytes(grid.range.max))}</text>`,
      `<text x="10" y="${ly + 40}" fill="#555">${escapeXml(`${info.label}; – no figure, dashed: did not finish, blank: not in the run`)}</text></g>`,
    );
  } else {
    parts.push(
      `<text x="10" y="${ly + 9}" fill="#555">${escapeXml(`No cell of this file has a ${info.label} figure (results version 1?).`)}</text>`,
    );
  }
  parts.push(`</svg>`);
  return `${parts.join("\n")}\n`;
}
