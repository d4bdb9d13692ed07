// The claims as a markdown table, for a job summary, a PR comment or the README. Pure.
import { MISSING } from "@keras-mem-bench/metrics";
import { escapeMarkdown } from "../escape-markdown.js";
import type { ClaimResult } from "./claim-types.js";
import { claimsTally } from "./render-claims-terminal.js";

const MARK: Record<ClaimResult["verdict"], string> = {
  holds: "✅ holds",
  "does not hold": "❌ does not hold",
  partly: "◐ partly",
  "not measured here": "— not measured here",
};

export interface ClaimsMarkdownOptions {
  /** Heading level of the title (default 2); 0 leaves the title out. */
  headingLevel?: number;
}

export function renderClaimsMarkdown(claims: readonly ClaimResult[], options: ClaimsMarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const lines: string[] = [];
  if (level > 0) lines.push(`${"#".repeat(level)} The articles' claims, measured`, "");
  lines.push(
    `${escapeMarkdown(claimsTally(claims))}`,
    "",
    "| claim | verdict | why | figures | cells |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const c of claims) {
    const figures = c.figures.map(escapeMarkdown).join("<br>") || MISSING;
    const cells = c.cells.map(escapeMarkdown).join(", ") || MISSING;
    lines.push(`| ${escapeMarkdown(c.claim)} | ${MARK[c.verdict]} | ${escapeMarkdown(c.reason)} | ${figures} | ${cells} |`);
  }
  return `${lines.join("\n")}\n`;
}
