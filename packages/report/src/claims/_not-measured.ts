// Every claim answers "not measured here" the same way when the results lack what it needs.
import type { ClaimId, ClaimResult } from "./claim-types.js";

/** The answer for a claim these results cannot test; `reason` says what is missing. */
export function notMeasured(base: { id: ClaimId; claim: string }, reason: string): ClaimResult {
  return { ...base, verdict: "not measured here", reason, figures: [], cells: [] };
}
