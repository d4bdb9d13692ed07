// What a claim check returns: the article's claim in one line, the verdict, and the measured figures behind it.

export type ClaimVerdict = "holds" | "does not hold" | "partly" | "not measured here";
export const CLAIM_VERDICTS: readonly ClaimVerdict[] = ["holds", "does not hold", "partly", "not measured here"];

export type ClaimId =
  | "whole-array-holds-dataset"
  | "generator-keeps-a-batch"
  | "tf-data-is-best"
  | "memory-grows-with-batch"
  | "lstm-hungrier-than-dense"
  | "depthwise-cheaper-than-conv"
  | "fit-grows-until-crash"
  | "gpu-memory-growth";

export interface ClaimResult {
  id: ClaimId;
  /** The claim as the articles make it, in one line. */
  claim: string;
  verdict: ClaimVerdict;
  /** Why this verdict, in one sentence with the deciding figures (for "not measured here": what is missing). */
  reason: string;
  /** The measured figures, one short line each, every number with its unit. */
  figures: string[];
  /** Ids of the cells the verdict rests on. */
  cells: string[];
}
