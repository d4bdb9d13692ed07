// The results file's location (--out): checked before any cell runs, so a typo'd or unwritable path fails in a
// moment with exit 2, and a write that fails later (disk full, folder removed) is reported as such, not as a crash.
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** Writing the results file failed after the run had started; `path` is the file, `cause` the system error. */
export class OutFileError extends Error {
  readonly code = "KMB_OUT_WRITE";
  constructor(
    readonly path: string,
    cause: Error,
  ) {
    super(`cannot write the results file ${path}: ${cause.message}`, { cause });
    this.name = "OutFileError";
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Why `out` cannot take the results file, or null when it can. Folders that do not exist yet are fine (the
 * writer creates them); the nearest one that exists must be a writable folder, and `out` itself not a folder.
 */
export async function outPathProblem(out: string): Promise<string | null> {
  const path = resolve(out);
  const target = await stat(path).catch(() => null);
  if (target?.isDirectory()) return `${path} is a folder; expected a file path`;
  let dir = dirname(path);
  for (;;) {
    let info;
    try {
      info = await stat(dir);
    } catch (error) {
      const code = errorCode(error);
      // Missing (created later) or below a file (reported when the walk reaches the file): look one level up.
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(dir) !== dir) {
        dir = dirname(dir);
        continue;
      }
      return `cannot use folder ${dir}: ${(error as Error).message}`;
    }
    if (!info.isDirectory()) return `${dir} is not a folder`;
    try {
      await access(dir, constants.W_OK);
      return null;
    } catch (error) {
      return `folder ${dir} is not writable (${errorCode(error) ?? (error as Error).message})`;
    }
  }
}
