import { readFile } from "node:fs/promises";
import { ResultsFileError } from "./results-error.js";
import type { ResultsFile } from "./results-types.js";
import { parseResults } from "./validate-results.js";
import { writeJsonAtomically } from "./write-json-atomically.js";

/** Reads and validates a results file; errors name the file and what is wrong with it. */
export async function readResultsFile(path: string): Promise<ResultsFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ResultsFileError(path, [{ path: "", message: `cannot read: ${(error as Error).message}` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ResultsFileError(path, [{ path: "", message: `not JSON: ${(error as Error).message}` }]);
  }
  return parseResults(data, path);
}

/** Validates, then writes atomically (temp file + rename) so a crash never leaves half a file behind. */
export async function writeResultsFile(path: string, results: ResultsFile): Promise<void> {
  parseResults(results, path);
  await writeJsonAtomically(path, results);
}
