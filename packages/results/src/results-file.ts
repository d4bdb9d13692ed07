import { readJsonFile, writeJsonFile } from "./json-file.js";
import { ResultsFileError } from "./results-error.js";
import type { ResultsFile } from "./results-types.js";
import { parseResults } from "./validate-results.js";

/** Reads and validates a results file; errors name the file and what is wrong with it. */
export async function readResultsFile(path: string): Promise<ResultsFile> {
  return readJsonFile(path, parseResults, ResultsFileError);
}

/** Validates, then writes atomically (temp file + rename) so a crash never leaves half a file behind. */
export async function writeResultsFile(path: string, results: ResultsFile): Promise<void> {
  await writeJsonFile(path, results, parseResults);
}
