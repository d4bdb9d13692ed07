// All the articles' claims, checked against one results file, in the order the report shows them. Pure.
import type { ResultsFile } from "@keras-mem-bench/results";
import { batchSizeClaim } from "./claim-batch-size.js";
import { depthwiseClaim } from "./claim-depthwise.js";
import { fitCrashClaim } from "./claim-fit-crash.js";
import { generatorClaim } from "./claim-generator-batch.js";
import { gpuGrowthClaim } from "./claim-gpu-growth.js";
import { lstmClaim } from "./claim-lstm.js";
import { tfDataClaim } from "./claim-tf-data.js";
import type { ClaimResult } from "./claim-types.js";
import { wholeArrayClaim } from "./claim-whole-array.js";

export const CLAIM_CHECKS: ReadonlyArray<(results: ResultsFile) => ClaimResult> = [
  wholeArrayClaim,
  generatorClaim,
  tfDataClaim,
  batchSizeClaim,
  lstmClaim,
  depthwiseClaim,
  fitCrashClaim,
  gpuGrowthClaim,
];

export function evaluateClaims(results: ResultsFile): ClaimResult[] {
  return CLAIM_CHECKS.map((check) => check(results));
}
