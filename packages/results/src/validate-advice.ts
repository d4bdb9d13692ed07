import adviceSchemaJson from "../schema/advice.schema.json" with { type: "json" };
import resultsSchemaJson from "../schema/results.schema.json" with { type: "json" };
import type { AdviceFile } from "./advice-types.js";
import { ContractFileError, type ResultsIssue } from "./results-error.js";
import { contractAjv, lazyValidator, schemaIssues } from "./schema-issues.js";

export const adviceSchema: object = adviceSchemaJson;

/** An advice file that cannot be used. */
export class AdviceFileError extends ContractFileError {
  readonly code = "KMB_ADVICE_INVALID";
  constructor(source: string, issues: readonly ResultsIssue[]) {
    super(source, issues, "advice file");
    this.name = "AdviceFileError";
  }
}

// The advice schema takes the environment and cell errors from the results schema, by its $id.
const validator = lazyValidator(() => contractAjv().addSchema(resultsSchemaJson).compile(adviceSchemaJson));

/** Schema issues plus the rules a schema cannot say. Empty when the data is a valid advice file. */
export function findAdviceIssues(data: unknown): ResultsIssue[] {
  const schemaErrors = schemaIssues(validator(), data);
  if (schemaErrors !== null) return schemaErrors;
  const issues: ResultsIssue[] = [];
  const seen = new Set<string>();
  (data as AdviceFile).advice.forEach((row, i) => {
    const at = `/advice/${i}`;
    const key = `${row.family}/${row.strategy}/${row.backend}/${String(row.gpuMemoryGrowth ?? "")}`;
    if (seen.has(key)) issues.push({ path: at, message: `duplicate row ${row.family}/${row.strategy}/${row.backend}` });
    seen.add(key);
    if (row.largestBatchSize !== null && row.nextBatchSize !== null && row.largestBatchSize >= row.nextBatchSize) {
      issues.push({
        path: `${at}/nextBatchSize`,
        message: `must be above largestBatchSize (${row.largestBatchSize}), got ${row.nextBatchSize}`,
      });
    }
    if (row.largestBatchSize !== null && !row.probes.some((p) => p.batchSize === row.largestBatchSize && p.fits === true)) {
      issues.push({ path: `${at}/largestBatchSize`, message: `${row.largestBatchSize} is not a probe that fits` });
    }
    if (row.outcome === "fits" && (row.largestBatchSize === null || row.nextBatchSize === null)) {
      issues.push({ path: `${at}/outcome`, message: `"fits" needs both largestBatchSize and nextBatchSize` });
    }
  });
  return issues;
}

/** Checks parsed JSON against the published advice schema; `source` names the file in the error. */
export function parseAdvice(data: unknown, source: string): AdviceFile {
  const issues = findAdviceIssues(data);
  if (issues.length > 0) throw new AdviceFileError(source, issues);
  return data as AdviceFile;
}
