// Named errors with stable codes, so callers (CLI, action) can tell bad input from a bug.

/** What is wrong with thresholds: the file cannot be read, its text is not JSON, or a value is not allowed. */
export type ThresholdsProblem = "unreadable" | "not-json" | "invalid";

/** A thresholds file or input that cannot be used; the message names the source and the key. */
export class ThresholdsError extends Error {
  readonly code = "KMB_THRESHOLDS_INVALID";
  constructor(
    readonly source: string,
    readonly key: string,
    detail: string,
    readonly problem: ThresholdsProblem = "invalid",
    message = `${source}: ${key === "" ? "" : `"${key}" `}${detail}`,
  ) {
    super(message);
    this.name = "ThresholdsError";
  }
}

/** Results files that must not be merged; the message names the files involved. */
export class MergeError extends Error {
  readonly code = "KMB_MERGE_REFUSED";
  constructor(
    message: string,
    readonly sources: readonly string[],
  ) {
    super(message);
    this.name = "MergeError";
  }
}
