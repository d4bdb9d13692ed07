// The table printed after a run, and the notes under it. Pure: returns text. Its metric columns are
// the catalogue's `shownIn.runTable` metrics (@keras-mem-bench/metrics), in catalogue order.
import { formatMetricValue, METRICS, MISSING } from "@keras-mem-bench/metrics";
import { growthLine, leakOriginsLine } from "@keras-mem-bench/report";
import type { Cell } from "@keras-mem-bench/results";

const COLUMNS = METRICS.filter((m) => m.shownIn.runTable);
const HEADERS = ["cell", "status", "verdict", ...COLUMNS.map((m) => m.label)];
/** Columns after the cell's name, status and verdict hold numbers: right-aligned so units line up. */
const FIRST_NUMERIC = 3;

function row(cell: Cell): string[] {
  return [cell.id, cell.status, cell.verdict ?? MISSING, ...COLUMNS.map((m) => formatMetricValue(m.key, m.read(cell)))];
}

/** Aligned text table, one row per cell, numbers right-aligned with their units. */
export function renderSummaryTable(cells: readonly Cell[]): string {
  const rows = [HEADERS, ...cells.map(row)];
  const widths = HEADERS.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((v, c) => (c >= FIRST_NUMERIC ? v.padStart(widths[c]!) : v.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "─".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** Why each cell that is not ok-and-stable came out the way it did, where its leaked tensors come from, and what grows. */
export function renderNotes(cells: readonly Cell[]): string {
  const notes: string[] = [];
  for (const cell of cells) {
    if (cell.status !== "ok") notes.push(`${cell.id}: ${cell.status}: ${cell.error?.message ?? "no message"}`);
    if (cell.verdict !== "stable" && cell.verdictReason) notes.push(`${cell.id}: ${cell.verdict ?? "no verdict"}: ${cell.verdictReason}`);
    const origins = cell.verdict === "leaking" ? leakOriginsLine(cell.leakOrigins) : null;
    if (origins) notes.push(`${cell.id}: leak origins: ${origins}`);
    const growth = cell.verdict === "growing" || cell.growth?.heapSnapshots ? growthLine(cell.growth) : null;
    if (growth) notes.push(`${cell.id}: ${growth}`);
  }
  return notes.join("\n");
}

/** One line of totals: "32 cells: 32 ok · 30 stable, 2 growing, 0 leaking". */
export function renderTotals(cells: readonly Cell[]): string {
  const count = <K extends string>(values: K[]) => values.reduce<Record<string, number>>((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {});
  const statuses = count(cells.map((c) => c.status));
  const verdicts = count(cells.map((c) => c.verdict ?? "no verdict"));
  const list = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
  return `${cells.length} cell${cells.length === 1 ? "" : "s"}: ${list(statuses)} · ${list(verdicts)}`;
}
