// Named errors with stable codes, so callers (CLI, action) can tell bad input from a bug.

/** A thresholds file or input that cannot be used; the message names the source and the key. */
export class ThresholdsError extends Error {
  readonly code = "KMB_THRESHOLDS_INVALID";
  constructor(
    readonly source: string,
    readonly key: string,
    detail: string,
  ) {
    super(`${source}: ${key === "" ? "" : `"${key}" `}${detail}`);
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
