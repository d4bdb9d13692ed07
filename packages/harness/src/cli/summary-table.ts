// The table printed after a run, and the notes under it. Pure: returns text.
import { growthLine, leakOriginsLine } from "@keras-mem-bench/report";
import type { Cell } from "@keras-mem-bench/results";
import { formatCountPerEpoch, formatMiB, formatMiBPerEpoch, formatMs, formatRate } from "../units.js";

const HEADERS = ["cell", "status", "verdict", "peak RSS", "step peak", "tensors/epoch", "RSS/epoch", "mean epoch", "throughput"] as const;

function row(cell: Cell): string[] {
  const s = cell.summary;
  const dash = "–";
  return [
    cell.id,
    cell.status,
    cell.verdict ?? dash,
    s ? formatMiB(s.peakRssBytes) : dash,
    // The tensor high-water mark inside a training step (results v2); exact, hence two decimals.
    s?.peakStepTensorBytes === undefined ? dash : formatMiB(s.peakStepTensorBytes, 2),
    s ? formatCountPerEpoch(s.tensorsPerEpoch, "tensors") : dash,
    s ? formatMiBPerEpoch(s.rssBytesPerEpoch) : dash,
    s ? formatMs(s.meanEpochMs) : dash,
    s?.timing ? formatRate(s.timing.samplesPerSecond, "samples") : dash,
  ];
}

const NUMERIC = new Set([3, 4, 5, 6, 7, 8]);

/** Aligned text table, one row per cell, numbers right-aligned with their units. */
export function renderSummaryTable(cells: readonly Cell[]): string {
  const rows = [HEADERS.slice(), ...cells.map(row)];
  const widths = HEADERS.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    r.map((v, c) => (NUMERIC.has(c) ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join("  ").trimEnd();
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
  const list = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${n} ${k}`).join(", ");
  return `${cells.length} cell${cells.length === 1 ? "" : "s"}: ${list(statuses)} · ${list(verdicts)}`;
}
