import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import schema from "../schema/results.schema.json" with { type: "json" };
import { ResultsFileError, type ResultsIssue } from "./results-error.js";
import type { ResultsFile } from "./results-types.js";

export const resultsSchema: object = schema;

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  return compiled;
}

function describe(error: ErrorObject): ResultsIssue {
  const detail =
    error.keyword === "enum" ? ` (one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)})` : "";
  return { path: error.instancePath, message: `${error.message ?? error.keyword}${detail}` };
}

/** Schema issues plus the rules a schema cannot say (unique cell ids). Empty when the data is a valid results file. */
export function findResultsIssues(data: unknown): ResultsIssue[] {
  const validate = validator();
  if (!validate(data)) return (validate.errors ?? []).map(describe);
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
