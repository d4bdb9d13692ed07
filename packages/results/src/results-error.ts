/** One thing wrong with a results file, located by JSON pointer. */
export interface ResultsIssue {
  path: string;
  message: string;
}

/** A results or history file that cannot be used; the message names the file and every problem found. */
export class ResultsFileError extends Error {
  readonly code = "KMB_RESULTS_INVALID";
  constructor(
    readonly source: string,
    readonly issues: readonly ResultsIssue[],
  ) {
    const listed = issues.slice(0, 20).map((i) => `  ${i.path || "/"}: ${i.message}`);
    if (issues.length > 20) listed.push(`  … and ${issues.length - 20} more`);
    super(`${source} is not a valid keras-mem-bench results file:\n${listed.join("\n")}`);
    this.name = "ResultsFileError";
  }
}
