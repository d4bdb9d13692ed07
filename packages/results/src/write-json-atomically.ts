import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Writes JSON through a temp file and a rename, so a crash never leaves half a file behind. Creates missing folders. */
export async function writeJsonAtomically(path: string, data: unknown): Promise<void> {
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
