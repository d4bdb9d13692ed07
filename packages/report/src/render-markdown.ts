// The comparison as GitHub markdown (PR comment, job summary): one summary line, the cells that got
// worse first with their memory curves and reasons, then a collapsed full table and environments.
// Every string from a results file or the caller's options goes through escapeMarkdown.
import { formatBytes, formatMetricValue, formatPercent, metricDefinition, MISSING } from "@keras-mem-bench/metrics";
import type { CellComparison, CellDeltaVerdict, Comparison, MetricDelta } from "./comparison-types.js";
import { compareTableMetrics } from "./compare-table-metrics.js";
import { computeDevicesRow, environmentRows } from "./environment-rows.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { growthLine, leakOriginsLine } from "./leak-origin-words.js";
import { sparkline } from "./sparkline.js";

export interface MarkdownOptions {
  /** Heading text (escaped). */
  title?: string;
  /** Names for the two runs, e.g. short shas (escaped). */
  baseLabel?: string;
  headLabel?: string;
  /** Hidden marker for finding the comment again: `sticky` → `<!-- keras-mem-bench:sticky -->`, or a full `<!-- … -->`. */
  marker?: string;
  /** Markdown appended as is: the caller owns and escapes it. */
  footer?: string;
  /** At most this many cells listed by name among new/removed (default 20). */
  listLimit?: number;
}

const VERDICT_WORDS: Record<CellDeltaVerdict, [singular: string, plural: string]> = {
  regression: ["regression", "regressions"],
  crashed: ["crashed", "crashed"],
  "now-unsupported": ["now unsupported", "now unsupported"],
  improvement: ["improvement", "improvements"],
  new: ["new", "new"],
  removed: ["removed", "removed"],
  unchanged: ["unchanged", "unchanged"],
};

const VERDICT_MARK: Record<CellDeltaVerdict, string> = {
  regression: "❌",
  crashed: "💥",
  "now-unsupported": "🚫",
  improvement: "✅",
  new: "🆕",
  removed: "➖",
  unchanged: "",
};

const SUMMARY_ORDER: CellDeltaVerdict[] = ["regression", "crashed", "now-unsupported", "improvement", "new", "removed", "unchanged"];
const WORSE: CellDeltaVerdict[] = ["regression", "crashed", "now-unsupported"];

/** "❌ 2 regressions, 1 improvement, 29 unchanged" — verdicts with no cells are left out. */
export function summaryLine(comparison: Comparison): string {
  const parts = SUMMARY_ORDER.filter((v) => comparison.counts[v] > 0).map((v) => {
    const n = comparison.counts[v];
    return `${n} ${VERDICT_WORDS[v][n === 1 ? 0 : 1]}`;
  });
  const lead = comparison.regressions > 0 ? "❌" : "✅";
  if (parts.length === 0) return `${lead} no cells to compare`;
  return `${lead} ${parts.join(", ")}`;
}

/** One line per time change all cells shared that is worth a look: "epoch CPU: median epoch CPU of all 32 cells +20.1% together …". */
export function timeShiftLines(comparison: Comparison): string[] {
  return comparison.timeShifts
    .filter((s) => s.shown)
    .map(
      (s) =>
        `${s.verdict === "regression" ? "❌ " : s.verdict === "improvement" ? "✅ " : ""}${metricDefinition(s.metric).label}: ${s.reason}`,
    );
}

function markerComment(marker: string): string {
  const full = /^<!--[\s\S]*-->$/.test(marker) ? marker : `<!-- keras-mem-bench:${marker} -->`;
  const inner = full.slice(4, -3);
  // Anything that could close the comment early would let the rest render (or inject HTML).
  if (inner.includes("--") || inner.includes(">") || /[\r\n]/.test(inner)) {
    throw new RangeError(`renderMarkdown: options.marker ${JSON.stringify(marker)} must not contain "--", ">" or line breaks`);
  }
  return full;
}

/** Per-epoch RSS of both runs on one scale, so the heights compare. */
function memoryCurves(cell: CellComparison): string | null {
  const base = cell.base?.samples.map((s) => s.rssBytes) ?? [];
  const head = cell.head?.samples.map((s) => s.rssBytes) ?? [];
  const all = [...base, ...head].filter((v) => Number.isFinite(v));
  if (all.length === 0) return null;
  // At least 10% of the peak from bottom to top, so noise of a flat curve stays near the bottom.
  const min = Math.min(...all);
  const scale = { min, max: Math.max(Math.max(...all), min + 0.1 * Math.abs(Math.max(...all))) };
  const side = (label: string, values: number[]) =>
    values.length === 0 ? `${label} ${MISSING}` : `${label} \`${sparkline(values, scale)}\` ${formatBytes(Math.max(...values))} peak`;
  return `RSS per epoch (scale ${formatBytes(scale.min)} – ${formatBytes(scale.max)}): ${side("base", base)} → ${side("head", head)}`;
}

function metricLine(m: MetricDelta): string {
  return `${m.verdict === "regression" ? "❌" : "✅"} ${metricDefinition(m.metric).label}: ${escapeMarkdown(m.reason)}`;
}

/**
 * A name from the results as inline code: nothing inside a code span is markdown, HTML, a mention or a
 * link, so only a backtick or a line break could break out; such a name is escaped as plain text instead.
 */
function codeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[`\u0000-\u001f\u007f\u2028\u2029]/.test(name) || name.trim() === "" ? escapeMarkdown(name) : `\`${name}\``;
}

function cellSection(cell: CellComparison): string {
  const lines = [`**${escapeMarkdown(cell.id)}** ${VERDICT_MARK[cell.verdict]} ${VERDICT_WORDS[cell.verdict][0]}`];
  const curves = memoryCurves(cell);
  if (curves) lines.push(`- ${curves}`);
  // A metric that follows another's test (throughput) would repeat its reason.
  const judged = cell.metrics.filter((m) => m.verdict !== "unchanged" && metricDefinition(m.metric).compare?.kind !== "follows-time");
  // Sorted so what got worse comes first within the cell too.
  judged.sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === "regression" ? -1 : 1));
  // Reasons not tied to one metric (status changes, leak verdicts) first, then the metrics.
  for (const reason of cell.reasons) {
    if (judged.some((m) => reason.startsWith(`${m.metric}: `))) continue;
    lines.push(`- ${escapeMarkdown(reason)}`);
  }
  for (const m of judged) lines.push(`- ${metricLine(m)}`);
  // Where the head's leaked tensors come from and what grows: what the reader needs to start fixing it.
  const origins = cell.head?.verdict === "leaking" ? leakOriginsLine(cell.head.leakOrigins, codeName) : null;
  if (origins) lines.push(`- Leak origins (head): ${origins}`);
  const growth = cell.head?.verdict === "growing" || cell.head?.growth?.heapSnapshots ? growthLine(cell.head.growth, codeName) : null;
  if (growth) lines.push(`- What grows (head): ${growth}`);
  return lines.join("\n");
}

function nameList(cells: CellComparison[], limit: number): string {
  const shown = cells.slice(0, limit).map((c) => escapeMarkdown(c.id));
  const more = cells.length > limit ? `, … and ${cells.length - limit} more (see the full table)` : "";
  return `${shown.join(", ")}${more}`;
}

function tableValue(m: MetricDelta | undefined): string {
  if (!m || m.head === null) return m && m.base !== null ? `${MISSING} (was ${formatMetricValue(m.metric, m.base)})` : MISSING;
  const mark = m.verdict === "regression" ? " ❌" : m.verdict === "improvement" ? " ✅" : "";
  const change = m.relative !== null && m.base !== null ? ` (${formatPercent(m.relative)})` : "";
  return `${formatMetricValue(m.metric, m.head)}${change}${mark}`;
}

function fullTable(comparison: Comparison): string {
  const metrics = compareTableMetrics(comparison);
  const header = ["cell", "verdict", ...metrics.map((m) => metricDefinition(m).label)];
  const rows = comparison.cells.map((cell) => {
    const byName = new Map(cell.metrics.map((m) => [m.metric, m]));
    return [
      escapeMarkdown(cell.id),
      `${VERDICT_MARK[cell.verdict]} ${VERDICT_WORDS[cell.verdict][0]}`.trim(),
      ...metrics.map((m) => tableValue(byName.get(m))),
    ];
  });
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function environmentTable(comparison: Comparison, baseLabel: string, headLabel: string): string {
  const base = environmentRows(comparison.baseEnv);
  const head = environmentRows(comparison.headEnv);
  const baseDevices = computeDevicesRow(comparison.cells.map((c) => c.base));
  const headDevices = computeDevicesRow(comparison.cells.map((c) => c.head));
  if (baseDevices[1] !== "—" || headDevices[1] !== "—") {
    base.push(baseDevices);
    head.push(headDevices);
  }
  const rows = base.map(([label, value], k) => {
    const other = head[k]?.[1] ?? "";
    return `| ${label} | ${escapeMarkdown(value)} | ${escapeMarkdown(other)}${other !== value ? " ⚠️" : ""} |`;
  });
  return [`| | base (${escapeMarkdown(baseLabel)}) | head (${escapeMarkdown(headLabel)}) |`, "|---|---|---|", ...rows].join("\n");
}

export function renderMarkdown(comparison: Comparison, options: MarkdownOptions = {}): string {
  const baseLabel = options.baseLabel ?? "base";
  const headLabel = options.headLabel ?? "head";
  const limit = options.listLimit ?? 20;
  const out: string[] = [];
  if (options.marker !== undefined) out.push(markerComment(options.marker));
  out.push(`### ${escapeMarkdown(options.title ?? "keras-mem-bench")}`, "");
  out.push(summaryLine(comparison), "");
  out.push(
    `Base: ${escapeMarkdown(baseLabel)} · head: ${escapeMarkdown(headLabel)} · ${comparison.cells.length} cell${comparison.cells.length === 1 ? "" : "s"}`,
    "",
  );
  const shifts = timeShiftLines(comparison);
  if (shifts.length > 0) out.push(...shifts.map((line) => `> ${escapeMarkdown(line)}`), "");

  const worse = comparison.cells.filter((c) => WORSE.includes(c.verdict));
  const better = comparison.cells.filter((c) => c.verdict === "improvement");
  if (worse.length > 0) {
    out.push(`#### Worse (${worse.length})`, "");
    for (const cell of worse) out.push(cellSection(cell), "");
  }
  if (better.length > 0) {
    out.push(`#### Better (${better.length})`, "");
    for (const cell of better) out.push(cellSection(cell), "");
  }
  const added = comparison.cells.filter((c) => c.verdict === "new");
  const removed = comparison.cells.filter((c) => c.verdict === "removed");
  if (added.length > 0) out.push(`🆕 New in head (${added.length}): ${nameList(added, limit)}`, "");
  if (removed.length > 0) out.push(`➖ Not in head (${removed.length}): ${nameList(removed, limit)}`, "");

  out.push(
    `<details><summary>All ${comparison.cells.length} cells (head value, change against base)</summary>`,
    "",
    fullTable(comparison),
    "",
    "</details>",
    "",
  );
  out.push("<details><summary>Environments</summary>", "", environmentTable(comparison, baseLabel, headLabel), "", "</details>", "");
  out.push(
    "<sub>Rules: tensor and data-id slopes are exact (a rise of the threshold counts); bytes must clear both a minimum change and the runs' own epoch-to-epoch noise; " +
      "epoch time needs a Mann-Whitney p below the threshold and a minimum change of the median. Bytes in binary units (1 MiB = 1024² B).</sub>",
    "",
  );
  if (options.footer !== undefined) out.push(options.footer, "");
  return `${out.join("\n").trimEnd()}\n`;
}
