import schema from "../schema/results.schema.json" with { type: "json" };
import { ResultsFileError, type ResultsIssue } from "./results-error.js";
import type { ResultsFile } from "./results-types.js";
import { contractAjv, lazyValidator, schemaIssues } from "./schema-issues.js";

export const resultsSchema: object = schema;

const validator = lazyValidator(() => contractAjv().compile(schema));

/** Schema issues plus the rules a schema cannot say (unique cell ids). Empty when the data is a valid results file. */
export function findResultsIssues(data: unknown): ResultsIssue[] {
  const schemaErrors = schemaIssues(validator(), data);
  if (schemaErrors !== null) return schemaErrors;
  const seen = new Set<string>();
  const issues: ResultsIssue[] = [];
  (data as ResultsFile).cells.forEach((cell, i) => {
    if (seen.has(cell.id)) issues.push({ path: `/cells/${i}/id`, message: `duplicate cell id "${cell.id}"` });
    seen.add(cell.id);
  });
  return issues;
}

/** Checks parsed JSON against the published schema; `source` names the file in the error. */
export function parseResults(data: unknown, source: string): ResultsFile {
  const issues = findResultsIssues(data);
  if (issues.length > 0) throw new ResultsFileError(source, issues);
  return data as ResultsFile;
}
