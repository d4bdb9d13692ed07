// `pnpm release:pack`: every tarball a user installs, written to .packs/ at the repository root, so a
// user's install can be reproduced without a registry. Today that is one: keras-mem-bench, which bundles
// the workspace packages it needs; tfjs stays the user's (peer dependencies with the supported range).
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { supportedTfjsRange, OLDEST_WEBGPU_TFJS, FIRST_UNTRIED_MAJOR } from "@keras-mem-bench/harness/tfjs-support";
import { $ } from "zx";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const repo = join(pkgDir, "..", "..");
const packs = join(repo, ".packs");
const stage = join(packs, ".stage", "keras-mem-bench");

interface Manifest {
  name: string;
  version: string;
  [key: string]: unknown;
}

/** The published package.json: the workspace one without its workspace-only parts, plus the peers. */
export function publishedManifest(workspace: Manifest, tfjsRange: string): Manifest {
  const { devDependencies: _dev, scripts: _scripts, exports: _exports, ...kept } = workspace;
  const optional = { optional: true };
  return {
    ...kept,
    exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } },
    // For TypeScript set to resolve without `exports` (moduleResolution node10).
    types: "./dist/index.d.ts",
    peerDependencies: {
      "@tensorflow/tfjs-core": tfjsRange,
      "@tensorflow/tfjs-layers": tfjsRange,
      "@tensorflow/tfjs-data": tfjsRange,
      "@tensorflow/tfjs-backend-wasm": tfjsRange,
      "@tensorflow/tfjs-backend-cpu": tfjsRange,
      "@tensorflow/tfjs-backend-webgpu": `>=${OLDEST_WEBGPU_TFJS} <${FIRST_UNTRIED_MAJOR}.0.0`,
      "@tensorflow/tfjs-node": tfjsRange,
      "@tensorflow/tfjs-node-gpu": tfjsRange,
      webgpu: "0.6.x",
      tsx: ">=4.8",
    },
    // Backends are chosen per run; kmb names the one a run needs when it is missing. tsx only loads TypeScript suites.
    peerDependenciesMeta: Object.fromEntries(
      [
        "@tensorflow/tfjs-backend-wasm",
        "@tensorflow/tfjs-backend-cpu",
        "@tensorflow/tfjs-backend-webgpu",
        "@tensorflow/tfjs-node",
        "@tensorflow/tfjs-node-gpu",
        "webgpu",
        "tsx",
      ].map((name) => [name, optional]),
    ),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await $({ cwd: pkgDir, stdio: "inherit" })`pnpm run build`;
  const workspace = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8")) as Manifest;
  await rm(packs, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  await cp(join(pkgDir, "dist"), join(stage, "dist"), { recursive: true });
  await cp(join(pkgDir, "README.md"), join(stage, "README.md"));
  await writeFile(join(stage, "package.json"), `${JSON.stringify(publishedManifest(workspace, supportedTfjsRange()), null, 2)}\n`);
  const packed = await $({ cwd: stage })`npm pack --silent --pack-destination ${packs}`;
  await rm(join(packs, ".stage"), { recursive: true, force: true });
  process.stdout.write(
    `release:pack: ${packed.stdout
      .trim()
      .split("\n")
      .map((f) => join(".packs", f))
      .join(", ")}\n`,
  );
}
