// The action ships as ONE committed file, dist/index.js, so `uses: owner/keras-mem-bench@v1` runs
// with no install step. esbuild inlines every dependency (octokit, ajv, the results JSON Schema).
// Its output is a pure function of the sources and the lockfile, which is what lets CI rebuild the
// bundle and fail when the committed one differs.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE_PATH = join(PACKAGE_DIR, "dist", "index.js");

const BANNER = [
  "// Generated from packages/action/src by `pnpm --filter @keras-mem-bench/action build`. Do not edit.",
  // Bundled CommonJS dependencies call require() for Node's built-ins; ESM has no require of its own.
  'import { createRequire as __kmbCreateRequire } from "node:module";',
  "const require = __kmbCreateRequire(import.meta.url);",
].join("\n");

export const bundleOptions: BuildOptions = {
  absWorkingDir: PACKAGE_DIR,
  entryPoints: ["src/index.ts"],
  outfile: "dist/index.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  banner: { js: BANNER },
  legalComments: "eof",
  charset: "utf8",
  sourcemap: false,
  minify: false,
  logLevel: "warning",
  write: false,
};

/** The bundle as esbuild produces it now, without touching dist/. */
export async function renderBundle(): Promise<string> {
  const result = await build(bundleOptions);
  const file = result.outputFiles?.find((f) => f.path === BUNDLE_PATH);
  if (!file) throw new Error(`esbuild produced no ${BUNDLE_PATH}`);
  return file.text;
}

/** The first line where two texts differ, for a message a person can act on. */
export function firstDifference(committed: string, fresh: string): string {
  const a = committed.split("\n");
  const b = fresh.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  committed: ${(a[i] ?? "(end of file)").slice(0, 160)}\n  rebuilt:   ${(b[i] ?? "(end of file)").slice(0, 160)}`;
  }
  return "(identical)";
}

async function main(): Promise<void> {
  const fresh = await renderBundle();
  if (process.argv.includes("--check")) {
    const committed = await readFile(BUNDLE_PATH, "utf8").catch(() => "");
    if (committed === fresh) {
      console.log(`packages/action/dist/index.js is up to date (${fresh.length} bytes).`);
      return;
    }
    console.error(
      `packages/action/dist/index.js differs from a fresh build of packages/action/src; run \`corepack pnpm --filter @keras-mem-bench/action build\` and commit dist/index.js.\nFirst difference at ${firstDifference(committed, fresh)}`,
    );
    process.exitCode = 1;
    return;
  }
  await mkdir(dirname(BUNDLE_PATH), { recursive: true });
  await writeFile(BUNDLE_PATH, fresh);
  console.log(`wrote packages/action/dist/index.js (${fresh.length} bytes)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
