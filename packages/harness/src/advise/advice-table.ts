// The table `kmb advise` prints: one row per family × strategy × backend. Pure: returns text.
import type { Advice, AdviceSearchInfo } from "@keras-mem-bench/results";
import { formatBytes, MISSING } from "@keras-mem-bench/metrics";
import { headroomText, METRIC_LABEL, notFittingCell, rowName, throughputByBatch } from "./advice-words.js";

/** Header and cells of the advice table, shared with the markdown renderer. */
export function adviceRows(advice: readonly Advice[], search: AdviceSearchInfo): { headers: string[]; rows: string[][] } {
  const metric = advice[0]?.metric ?? "rss";
  return {
    headers: ["row", "largest batch", METRIC_LABEL[metric], "headroom", "did not fit", "outcome", "probes", "samples/s by batch"],
    rows: advice.map((a) => [
      rowName(a),
      a.largestBatchSize === null ? MISSING : `b${a.largestBatchSize}`,
      a.peakBytes === null ? MISSING : formatBytes(a.peakBytes),
      headroomText(a),
      notFittingCell(a, search),
      a.outcome,
      String(a.probes.length),
      throughputByBatch(a.probes),
    ]),
  };
}

const RIGHT = new Set([1, 2, 3, 4, 6]);

/** Aligned text table; numbers right-aligned with their units. */
export function renderAdviceTable(advice: readonly Advice[], search: AdviceSearchInfo): string {
  const { headers, rows } = adviceRows(advice, search);
  const all = [headers, ...rows];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((v, c) => (RIGHT.has(c) ? v.padStart(widths[c]!) : v.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** One line per row saying how its search ended, in words. */
export function renderAdviceNotes(advice: readonly Advice[]): string {
  return advice.map((a) => `${rowName(a)}: ${a.reason}`).join("\n");
}
