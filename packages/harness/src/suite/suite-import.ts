// Imports a suite file. JavaScript suites need nothing; a TypeScript suite needs a loader. From the sources
// the harness already runs under tsx; compiled (the published package) it registers the tsx installed in
// the user's project, once, and only when a suite is TypeScript, so JavaScript suites start without it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RUNS_COMPILED } from "../build-mode.js";
import { SuiteConfigError } from "./suite-resolve.js";

const TYPESCRIPT_FILE = /\.(ts|mts|cts|tsx)$/;

let registered = false;

/** tsx's ESM API (`tsx/esm/api`, import condition) as installed next to `from`; null when tsx is not there. */
function tsxApiFrom(from: string): string | null {
  let manifest: string;
  try {
    manifest = createRequire(from).resolve("tsx/package.json");
  } catch {
    return null;
  }
  const api = (JSON.parse(readFileSync(manifest, "utf8")) as { exports?: Record<string, { import?: string | { default?: string } }> })
    .exports?.["./esm/api"]?.import;
  const file = typeof api === "string" ? api : api?.default;
  return file === undefined ? null : join(dirname(manifest), file);
}

/** Registers tsx's loader for the rest of the process; resolved from the suite's folder first, then from here. */
async function registerTypeScript(path: string): Promise<void> {
  if (registered) return;
  const api = tsxApiFrom(path) ?? tsxApiFrom(fileURLToPath(import.meta.url));
  if (api === null) {
    throw new SuiteConfigError(
      path,
      null,
      "a TypeScript suite needs tsx to load, and tsx is not installed in your project: `npm install --save-dev tsx` (or write the suite in JavaScript, e.g. kmb.suite.mjs)",
    );
  }
  const { register } = (await import(pathToFileURL(api).href)) as { register: () => unknown };
  register();
  registered = true;
}

/** The suite file's module namespace. */
export async function importSuiteModule(path: string): Promise<Record<string, unknown>> {
  if (RUNS_COMPILED && TYPESCRIPT_FILE.test(path)) await registerTypeScript(path);
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
