// Reading and writing the contract's JSON files (results, advice): checked on every read and before every
// write, written so that a crash never leaves half a file behind.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { ResultsIssue } from "./results-error.js";

/** Checks parsed JSON and returns it typed, or throws an error naming `source` and every problem. */
export type ParseJson<T> = (data: unknown, source: string) => T;

/** Reads `path` and checks it with `parse`; a file that cannot be read or is not JSON throws `Invalid` too, naming it. */
export async function readJsonFile<T>(
  path: string,
  parse: ParseJson<T>,
  Invalid: new (source: string, issues: ResultsIssue[]) => Error,
): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Invalid(path, [{ path: "", message: `cannot read: ${(error as Error).message}` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Invalid(path, [{ path: "", message: `not JSON: ${(error as Error).message}` }]);
  }
  return parse(data, path);
}

/** Checks `data` with `parse`, then writes it atomically. */
export async function writeJsonFile<T>(path: string, data: T, parse: ParseJson<T>): Promise<void> {
  parse(data, path);
  await writeJsonAtomically(path, data);
}

/** Writes JSON through a temp file and a rename, so a crash never leaves half a file behind. Creates missing folders. */
async function writeJsonAtomically(path: string, data: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(data, null, 2)}\n`);
    await rename(temp, path);
  } catch (error) {
    // No stray temp file next to the target; the write's own error is what the caller needs to see.
    // Not recursive: a folder that happens to have the temp name is not ours to delete.
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
