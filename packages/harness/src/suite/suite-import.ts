// Imports a suite file. JavaScript suites need nothing; a TypeScript suite needs a loader. From the sources
// the harness already runs under tsx; compiled (the published package) it registers the tsx installed in
// the user's project, once, and only when a suite is TypeScript, so JavaScript suites start without it.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { RUNS_COMPILED } from "../build-mode.js";
import { SuiteConfigError } from "./suite-resolve.js";

const TYPESCRIPT_FILE = /\.(ts|mts|cts|tsx)$/;

let registered = false;

/** Registers tsx's loader for the rest of the process; resolved from the suite's folder first, then from here. */
async function registerTypeScript(path: string): Promise<void> {
  if (registered) return;
  let api: string | undefined;
  for (const from of [path, import.meta.url]) {
    try {
      api = createRequire(from).resolve("tsx/esm/api");
      break;
    } catch {
      // not installed from here
    }
  }
  if (api === undefined) {
    throw new SuiteConfigError(path, null, "a TypeScript suite needs tsx to load, and tsx is not installed in your project: `npm install --save-dev tsx` (or write the suite in JavaScript, e.g. kmb.suite.mjs)");
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
