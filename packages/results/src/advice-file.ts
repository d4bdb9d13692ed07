import { readFile } from "node:fs/promises";
import type { AdviceFile } from "./advice-types.js";
import { AdviceFileError, parseAdvice } from "./validate-advice.js";
import { writeJsonAtomically } from "./write-json-atomically.js";

/** Reads and validates an advice file; errors name the file and what is wrong with it. */
export async function readAdviceFile(path: string): Promise<AdviceFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new AdviceFileError(path, [{ path: "", message: `cannot read: ${(error as Error).message}` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AdviceFileError(path, [{ path: "", message: `not JSON: ${(error as Error).message}` }]);
  }
  return parseAdvice(data, path);
}

/** Validates, then writes atomically (temp file + rename), like the results file. */
export async function writeAdviceFile(path: string, advice: AdviceFile): Promise<void> {
  parseAdvice(advice, path);
  await writeJsonAtomically(path, advice);
}
