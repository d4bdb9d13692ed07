// The advice as markdown for a job summary ($GITHUB_STEP_SUMMARY) or a PR comment. Pure: returns text.
import { escapeMarkdown } from "@keras-mem-bench/report";
import type { AdviceFile } from "@keras-mem-bench/results";
import { formatBytes } from "@keras-mem-bench/metrics";
import { adviceRows } from "./advice-table.js";
import { METRIC_LABEL, rowName, searchLine } from "./advice-words.js";

export function renderAdviceMarkdown(file: AdviceFile): string {
  const first = file.advice[0];
  const metric = first?.metric ?? "rss";
  const budget = first?.budgetBytes;
  const lines = [
    `### Largest batch size under ${budget === undefined ? "the budget" : formatBytes(budget)} of ${METRIC_LABEL[metric]}`,
    "",
  ];
  if (first) {
    const { headers, rows } = adviceRows(file.advice, file.search);
    // Only the row name comes from the user's suite; the other cells are sizes and words advise made.
    const cell = (text: string, column: number) => (column === 0 ? escapeMarkdown(text) : text);
    lines.push(`| ${headers.join(" | ")} |`, `| ${headers.map((_, i) => (i === 0 || i === 5 || i === 7 ? "---" : "---:")).join(" | ")} |`);
    for (const row of rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
    lines.push("");
    for (const a of file.advice) lines.push(`- ${escapeMarkdown(`${rowName(a)}: ${a.reason}`)}`);
    lines.push("", escapeMarkdown(searchLine(metric, first.budgetBytes, file.search)));
  } else {
    lines.push("No rows were advised.");
  }
  const env = file.env;
  lines.push(
    "",
    escapeMarkdown(
      `suite ${file.suite.name} · node ${env.node} · ${env.cpu.model} × ${env.cpu.count} · ${formatBytes(env.totalMemoryBytes)} memory · gpu ${env.gpu?.map((g) => g.name).join(", ") || "none"}`,
    ),
    "",
  );
  return lines.join("\n");
}
