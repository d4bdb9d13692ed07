import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ResultsFileError } from "./results-error.js";
import type { ResultsFile } from "./results-types.js";
import { parseResults } from "./validate-results.js";

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
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(results, null, 2)}\n`);
    await rename(temp, path);
  } catch (error) {
    // No stray temp file next to the results; the write's own error is what the caller needs to see.
    // Not recursive: a folder that happens to have the temp name is not ours to delete.
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
