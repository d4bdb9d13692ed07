// The JSON-schema half of checking a contract file, shared by the results and advice validators so
// both report schema errors in the same words.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { ResultsIssue } from "./results-error.js";

/** The Ajv every contract schema is compiled with: every error, strict schemas. */
export function contractAjv(): Ajv {
  return new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
}

/** Compiles on first use: compiling is slow and many commands never validate. */
export function lazyValidator(compile: () => ValidateFunction): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => (compiled ??= compile());
}

/** The schema's complaints about `data`, or null when the schema accepts it. */
export function schemaIssues(validate: ValidateFunction, data: unknown): ResultsIssue[] | null {
  return validate(data) ? null : (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): ResultsIssue {
  const detail =
    error.keyword === "enum" ? ` (one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)})` : "";
  return { path: error.instancePath, message: `${error.message ?? error.keyword}${detail}` };
}
