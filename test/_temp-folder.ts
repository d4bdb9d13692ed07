// Test helpers shared by every package's tests (each package keeps its own in its test/_*.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

/**
 * A fresh folder under the OS temp dir for each test of the file or describe block that calls this,
 * removed after the test, also when it fails. Returns the folder's getter, for use inside tests and hooks.
 */
export function useTempFolder(prefix: string): () => string {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error(`useTempFolder("${prefix}"): the folder exists only while a test runs`);
    return dir;
  };
}
