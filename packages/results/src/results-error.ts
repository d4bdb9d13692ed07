/** One thing wrong with a results, advice or history file, located by JSON pointer. */
export interface ResultsIssue {
  path: string;
  message: string;
}

/**
 * A file of the contract that cannot be used: the message names the file and every problem found (the
 * first 20). Each kind of file has its own subclass and code, so callers can tell them apart.
 */
export abstract class ContractFileError extends Error {
  abstract readonly code: string;
  constructor(
    readonly source: string,
    readonly issues: readonly ResultsIssue[],
    kind: string,
  ) {
    const listed = issues.slice(0, 20).map((i) => `  ${i.path || "/"}: ${i.message}`);
    if (issues.length > 20) listed.push(`  … and ${issues.length - 20} more`);
    super(`${source} is not a valid keras-mem-bench ${kind}:\n${listed.join("\n")}`);
  }
}

/** A results or history file that cannot be used. */
export class ResultsFileError extends ContractFileError {
  readonly code = "KMB_RESULTS_INVALID";
  constructor(source: string, issues: readonly ResultsIssue[]) {
    super(source, issues, "results file");
    this.name = "ResultsFileError";
  }
}
