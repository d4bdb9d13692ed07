// Builds the published package into dist/: one ESM bundle of the workspace packages with tfjs left external
// (it is the user's, through peer dependencies), the default suite compiled, and the declarations of the
// public API (dist/index.d.ts and dist/types/).
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const types = join(dist, "types");

// Left to the user's project: tfjs and its backends (peers), tsx (only for TypeScript suites), Dawn.
const EXTERNAL = ["@tensorflow/*", "tsx", "tsx/*", "webgpu"];

await rm(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: "src/index.ts", bin: "src/bin.ts", "cell-child": "src/cell-child.ts" },
  outdir: dist,
  bundle: true,
  // Shared chunks: the suite a user imports (index.js) and the cell process (cell-child.js) must share module
  // instances, e.g. the built-in models.
  splitting: true,
  // Chunks sit next to the entries: the harness finds cell-child.js and default-suite.js next to its own module.
  chunkNames: "_chunk-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  logLevel: "warning",
  legalComments: "none",
});

// The repository's suites (kmb's default and `kmb claims`), as a user's suite: they import the package by name.
await build({
  absWorkingDir: root,
  entryPoints: { "default-suite": "../../suites/default.ts", "claims-suite": "../../suites/claims.ts" },
  outdir: dist,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: [...EXTERNAL, "keras-mem-bench"],
  alias: { "@keras-mem-bench/harness": "keras-mem-bench" },
  logLevel: "warning",
});

// `--js-only` (pnpm bench): the runnable files without declarations, which take most of the build's time.
if (process.argv.includes("--js-only")) process.exit(0);

// Declarations: tsc emits them for this package and the workspace sources it re-exports (paths in
// tsconfig.types.json make tsc treat those as sources); bare workspace imports become relative ones.
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.types.json")], { stdio: "inherit" });
async function* declarationFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* declarationFiles(path);
    else if (entry.name.endsWith(".d.ts")) yield path;
  }
}
for await (const file of declarationFiles(types)) {
  const text = await readFile(file, "utf8");
  const rewritten = text.replace(/(from |import\()"@keras-mem-bench\/([a-z-]+)"/g, (_match, lead: string, pkg: string) => {
    const target = relative(dirname(file), join(types, pkg, "src", "index.js"));
    return `${lead}"${target.startsWith(".") ? target : `./${target}`}"`;
  });
  if (rewritten !== text) await writeFile(file, rewritten);
}
await writeFile(join(dist, "index.d.ts"), `export * from "./types/keras-mem-bench/src/index.js";\n`);
