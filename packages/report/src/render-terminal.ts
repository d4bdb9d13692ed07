// The comparison as an aligned text table for a terminal, worst cells first, then one line per reason
// for every cell that changed. Names are stripped of control characters so a cell id cannot move the
// cursor or recolour the terminal.
import { formatMetricValue, formatPercent, metricDefinition, MISSING } from "@keras-mem-bench/metrics";
import type { CellComparison, CellDeltaVerdict, Comparison, MetricDelta } from "./comparison-types.js";
import { compareTableMetrics } from "./compare-table-metrics.js";
import { summaryLine, timeShiftLines } from "./render-markdown.js";

export interface TerminalOptions {
  /** ANSI colours (default false). */
  color?: boolean;
}

const ANSI = { red: "\u001b[31m", green: "\u001b[32m", yellow: "\u001b[33m", dim: "\u001b[2m", bold: "\u001b[1m", reset: "\u001b[0m" };

/** Control characters (C0, DEL, C1) would let a name carry escape sequences into the terminal. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
}

function verdictColor(verdict: CellDeltaVerdict): keyof typeof ANSI {
  if (verdict === "regression" || verdict === "crashed" || verdict === "now-unsupported") return "red";
  if (verdict === "improvement") return "green";
  if (verdict === "new" || verdict === "removed") return "yellow";
  return "dim";
}

function cellValue(m: MetricDelta | undefined): string {
  if (!m) return "";
  if (m.head === null) return m.base === null ? MISSING : `${MISSING} (was ${formatMetricValue(m.metric, m.base)})`;
  const change = m.relative !== null ? ` ${formatPercent(m.relative)}` : "";
  const mark = m.verdict === "regression" ? " ✗" : m.verdict === "improvement" ? " ✓" : "";
  return `${formatMetricValue(m.metric, m.head)}${change}${mark}`;
}

export function renderTerminal(comparison: Comparison, options: TerminalOptions = {}): string {
  const paint = (text: string, color: keyof typeof ANSI) => (options.color ? `${ANSI[color]}${text}${ANSI.reset}` : text);
  const columns = compareTableMetrics(comparison);
  const header = ["cell", "verdict", ...columns.map((m) => metricDefinition(m).label)];
  const rows = comparison.cells.map((cell) => {
    const byName = new Map(cell.metrics.map((m) => [m.metric, m]));
    return [stripControl(cell.id), cell.verdict, ...columns.map((m) => cellValue(byName.get(m)))];
  });
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  // Numbers right-aligned so their units line up; names and verdicts left-aligned.
  const line = (cells: string[]) => cells.map((c, k) => (k < 2 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join("  ");
  const out = [paint(summaryLine(comparison), comparison.regressions > 0 ? "red" : "green"), ""];
  const shifts = timeShiftLines(comparison);
  if (shifts.length > 0) out.push(...shifts.map((s) => stripControl(s)), "");
  out.push(paint(line(header), "bold"));
  comparison.cells.forEach((cell, k) => {
    const text = line(rows[k]!);
    out.push(paint(text, verdictColor(cell.verdict)));
  });
  const changed = comparison.cells.filter((c: CellComparison) => c.verdict !== "unchanged" && c.reasons.length > 0);
  if (changed.length > 0) {
    out.push("");
    for (const cell of changed) {
      out.push(paint(`${stripControl(cell.id)} (${cell.verdict})`, verdictColor(cell.verdict)));
      for (const reason of cell.reasons) out.push(`  - ${stripControl(reason)}`);
    }
  }
  out.push("", "✗ worse, ✓ better than base; bytes in binary units (1 MiB = 1024² B); percentages are head against base.");
  return `${out.join("\n")}\n`;
}
