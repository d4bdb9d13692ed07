import type { AdviceFile } from "./advice-types.js";
import { readJsonFile, writeJsonFile } from "./json-file.js";
import { AdviceFileError, parseAdvice } from "./validate-advice.js";

/** Reads and validates an advice file; errors name the file and what is wrong with it. */
export async function readAdviceFile(path: string): Promise<AdviceFile> {
  return readJsonFile(path, parseAdvice, AdviceFileError);
}

/** Validates, then writes atomically (temp file + rename), like the results file. */
export async function writeAdviceFile(path: string, advice: AdviceFile): Promise<void> {
  await writeJsonFile(path, advice, parseAdvice);
}
