// Loads a suite file (TypeScript or JavaScript) by dynamic import and checks its default export.
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RUNS_COMPILED } from "../build-mode.js";
import { importSuiteModule } from "./suite-import.js";
import { resolveSuite, SuiteConfigError, type ResolvedSuite } from "./suite-resolve.js";

/** A suite of this repository, suites/<name>.ts; the published package carries it compiled as <name>-suite.js. */
export function repositorySuiteFile(name: string): string {
  return fileURLToPath(new URL(RUNS_COMPILED ? `./${name}-suite.js` : `../../../../suites/${name}.ts`, import.meta.url));
}

/** The default suite (suites/default.ts), defined with the same API as a user's. */
export const DEFAULT_SUITE_FILE = repositorySuiteFile("default");

/** Imports `file` (relative to the current directory) and resolves its default export. */
export async function loadSuite(file: string, options: { quick: boolean }): Promise<ResolvedSuite> {
  const path = resolve(file);
  try {
    await access(path);
  } catch {
    throw new SuiteConfigError(path, null, "suite file not found");
  }
  let module: Record<string, unknown>;
  try {
    module = await importSuiteModule(path);
  } catch (error) {
    if (error instanceof SuiteConfigError) throw error;
    throw new SuiteConfigError(path, null, `cannot load: ${(error as Error).message}`);
  }
  if (!("default" in module) || module.default === undefined) {
    const named = Object.keys(module);
    throw new SuiteConfigError(
      path,
      "default",
      `no default export; write \`export default defineSuite({ ... })\`${named.length > 0 ? ` (found named exports: ${named.join(", ")})` : ""}`,
    );
  }
  return resolveSuite(module.default, path, options);
}
