// The markdown the action publishes (comment and job summary): the report package renders the
// comparison and escapes everything in it; this adds which baseline was used, from parts that are
// either checked shas or escaped text.
import { basename } from "node:path";
import { compare, escapeMarkdown, renderMarkdown, type Comparison, type Thresholds } from "@keras-mem-bench/report";
import type { ResultsFile } from "@keras-mem-bench/results";
import type { FoundBaseline, MissingBaseline } from "./find-baseline.js";
import { commitLink } from "./markdown-text.js";

export type BaselineSource =
  | { kind: "file"; path: string; results: ResultsFile }
  | { kind: "history"; baseline: FoundBaseline; branch: string }
  | { kind: "none"; missing: MissingBaseline | null; branch: string };

export interface ReportInput {
  head: ResultsFile;
  headSha: string | null;
  baseline: BaselineSource;
  thresholds?: Thresholds | undefined;
  /** Where a commit's page is, for links. */
  commitUrl: (sha: string) => string;
}

export interface Report {
  comparison: Comparison;
  markdown: string;
  baselineSha: string | null;
}

const TITLE = "keras-mem-bench: memory and time against the base";

function baselineNote(input: ReportInput): string {
  const { baseline, commitUrl } = input;
  switch (baseline.kind) {
    case "file":
      return `Baseline: the results file ${escapeMarkdown(baseline.path)}.`;
    case "history": {
      const b = baseline.baseline;
      if (b.distance === 0) return `Baseline: the stored results of ${commitLink(b.sha, commitUrl)}, the base commit.`;
      const back = `${b.distance} commit${b.distance === 1 ? "" : "s"} back`;
      return `Baseline: the stored results of ${commitLink(b.sha, commitUrl)}, the nearest ancestor of ${commitLink(b.requestedSha, commitUrl)} that has any (${back}).`;
    }
    case "none": {
      const why = baseline.missing ? ` ${escapeMarkdown(baseline.missing.reason)}.` : "";
      return [
        `**No baseline yet**: nothing stored to compare with${baseline.missing ? ` for ${commitLink(baseline.missing.requestedSha, commitUrl)}` : ""}.${why}`,
        `Every cell is listed as new, so nothing can regress. Results are stored in the branch ${escapeMarkdown(baseline.branch)} on pushes to the default branch.`,
      ].join(" ");
    }
  }
}

function baseResults(input: ReportInput): { results: ResultsFile; label: string; sha: string | null } {
  const { baseline } = input;
  if (baseline.kind === "file")
    return { results: baseline.results, label: basename(baseline.path), sha: baseline.results.env.git?.sha ?? null };
  if (baseline.kind === "history") {
    const b = baseline.baseline;
    const label =
      b.distance === 0
        ? b.sha.slice(0, 7)
        : `${b.sha.slice(0, 7)}, ${b.distance} commit${b.distance === 1 ? "" : "s"} before ${b.requestedSha.slice(0, 7)}`;
    return { results: b.results, label, sha: b.sha };
  }
  // No baseline: compare with an empty run so the head's cells are listed (as new) all the same.
  return { results: { ...input.head, cells: [] }, label: "no baseline", sha: null };
}

export function buildReport(input: ReportInput): Report {
  const base = baseResults(input);
  const comparison = compare(base.results, input.head, input.thresholds);
  const headNote = input.headSha ? ` Head: ${commitLink(input.headSha, input.commitUrl)}.` : "";
  const markdown = renderMarkdown(comparison, {
    title: TITLE,
    baseLabel: base.label,
    headLabel: input.headSha ? input.headSha.slice(0, 7) : "head",
    // The footer is ours to escape: baselineNote builds it from checked shas and escaped text.
    footer: `${baselineNote(input)}${headNote}`,
  });
  return { comparison, markdown, baselineSha: base.sha };
}
