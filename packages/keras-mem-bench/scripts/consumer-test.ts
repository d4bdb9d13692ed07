// `pnpm test:consumer` (CI runs it after `pnpm test`): installs the packed tarballs from .packs/ into fresh
// projects outside the workspace with plain npm, next to a tfjs of their own, and runs them as a user would.
//  1. consumer: tfjs 3.21.0 (not the workspace's 4.22.0): `npx kmb init`, then its starter suite (a model
//     defined in that project) with --out; the results validate and name 3.21.0. The TypeScript starter
//     suite fails without tsx, saying so, and runs with it. A backend that is not installed, and a tfjs
//     below the range, fail before any cell with what to install.
//  2. compatibility matrix: one small cell per family on cpu and wasm for each tfjs release below, and a
//     dense cell on webgpu (Dawn, lavapipe in CI) on the latest.
// Needs the npm registry. Run `pnpm release:pack` first (the root script `test:consumer` does).
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { $, ProcessOutput } from "zx";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const packs = join(repo, ".packs");

/** The releases the compatibility matrix trains with, and why each is there. */
const COMPAT_RELEASES = [
  { tfjs: "3.9.0", why: "oldest supported 3.x", webgpu: false },
  { tfjs: "3.21.0", why: "late 3.x (first 3.x whose wasm loads in Node 20 without the fetch workaround)", webgpu: false },
  { tfjs: "4.0.0", why: "first 4.x", webgpu: false },
  // webgpu too: Dawn from npm on the Vulkan driver CI installs (Mesa lavapipe, scripts/install-lavapipe.sh).
  { tfjs: "4.22.0", why: "latest 4.x", webgpu: true },
];
const WEBGPU_DAWN = "webgpu@0.6.2";
const CONSUMER_TFJS = "3.21.0";
const BELOW_RANGE_TFJS = "3.8.0";
const FAMILIES = ["dense", "lstm", "conv", "depthwise-conv"];
const BACKENDS = ["cpu", "wasm"];

const COMPAT_SUITE = `import { defineSuite } from "keras-mem-bench";
export default defineSuite({
  name: "compat",
  families: ${JSON.stringify(FAMILIES)},
  strategies: ["in-memory"],
  batchSizes: [16],
  backends: ${JSON.stringify(BACKENDS)},
  epochs: 2,
  warmupEpochs: 1,
  samplesPerEpoch: 32,
});
`;

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  process.stdout.write(`  ${ok ? "ok  " : "FAIL"} ${what}\n`);
  if (!ok) failures.push(what);
}

async function tarballs(): Promise<string[]> {
  const files = (await readdir(packs).catch(() => [])).filter((f) => f.endsWith(".tgz"));
  if (files.length === 0) throw new Error(`no tarballs in ${packs}: run \`pnpm release:pack\` first`);
  return files.map((f) => join(packs, f));
}

const tfjsPackages = (version: string, backends: string[]) =>
  ["core", "layers", "data", ...backends.map((b) => `backend-${b}`)].map((p) => `@tensorflow/tfjs-${p}@${version}`);

/** A fresh npm project in the temp folder (outside the workspace) with the tarballs and these packages. */
async function project(label: string, packages: string[], npmFlags: string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `kmb-consumer-${label}-`));
  await writeFile(
    join(dir, "package.json"),
    `${JSON.stringify({ name: `kmb-consumer-${label}`, version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  try {
    await $({ cwd: dir })`npm install --no-audit --no-fund --save-dev ${npmFlags} ${await tarballs()} ${packages}`;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

interface Results {
  env: { tfjs: Record<string, string> };
  cells: Array<{
    id: string;
    family: string;
    backend: string;
    status: string;
    error?: { message: string };
    computeDevice?: { description: string; software: boolean };
  }>;
}

/** Reads a results file through the installed package's own validating reader. */
async function readResults(dir: string, file: string): Promise<Results> {
  const api = (await import(pathToFileURL(join(dir, "node_modules", "keras-mem-bench", "dist", "index.js")).href)) as {
    readResultsFile: (path: string) => Promise<Results>;
  };
  return api.readResultsFile(join(dir, file));
}

async function timed<T>(label: string, body: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await body();
  } finally {
    process.stdout.write(`  (${label}: ${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
  }
}

async function consumer(): Promise<void> {
  process.stdout.write(`consumer project, tfjs ${CONSUMER_TFJS}\n`);
  const dir = await timed("npm install", () => project("app", tfjsPackages(CONSUMER_TFJS, ["wasm"])));
  try {
    const init = await $({ cwd: dir })`npx kmb init`;
    check(
      /wrote kmb\.suite\.mjs/.test(init.stdout) && /wrote \.github\/workflows\/memory-bench\.yml/.test(init.stdout),
      "npx kmb init writes the suite and the workflow",
    );
    const again = await $({ cwd: dir, nothrow: true })`npx kmb init`;
    check(again.exitCode === 2 && /already exist/.test(again.stderr), "a second kmb init refuses to overwrite");

    const run = await timed("kmb run", () => $({ cwd: dir, nothrow: true })`npx kmb --config kmb.suite.mjs --quick --out r.json`);
    check(
      run.exitCode === 0,
      `npx kmb --config kmb.suite.mjs --quick --out r.json exits 0${run.exitCode === 0 ? "" : `: ${run.stderr.slice(-2000)}`}`,
    );
    const results = await readResults(dir, "r.json");
    check(
      results.env.tfjs["@tensorflow/tfjs-core"] === CONSUMER_TFJS,
      `results name the project's tfjs-core (${results.env.tfjs["@tensorflow/tfjs-core"]})`,
    );
    check(results.env.tfjs["@tensorflow/tfjs-backend-wasm"] === CONSUMER_TFJS, "results name the project's wasm backend");
    check(
      results.cells.some((c) => c.family === "my-model"),
      "the project's own model ran",
    );
    for (const cell of results.cells)
      check(cell.status === "ok", `${cell.id}: ${cell.status}${cell.error ? ` (${cell.error.message})` : ""}`);

    // A TypeScript suite needs tsx, from the project: first without it (a clear error), then with it.
    await $({ cwd: dir })`npx kmb init --ts --force`;
    const noTsx = await $({ cwd: dir, nothrow: true })`npx kmb --config kmb.suite.ts --list`;
    check(
      noTsx.exitCode === 2 && /needs tsx/.test(noTsx.stderr),
      `a TypeScript suite without tsx fails with what to install: ${noTsx.stderr.trim()}`,
    );
    await timed("npm install tsx", () => $({ cwd: dir })`npm install --no-audit --no-fund --save-dev tsx@4`);
    const ts = await timed(
      "kmb run (TypeScript suite)",
      () =>
        $({
          cwd: dir,
          nothrow: true,
        })`npx kmb --config kmb.suite.ts --quick --filter family=my-model --filter strategy=in-memory --out ts.json`,
    );
    const tsCells = ts.exitCode === 0 ? (await readResults(dir, "ts.json")).cells : [];
    check(
      tsCells.length === 1 && tsCells[0]!.status === "ok",
      `the TypeScript suite's cell runs (exit ${ts.exitCode}${ts.exitCode === 0 ? "" : `: ${ts.stderr.slice(-1500)}`})`,
    );

    // (The cpu backend comes with the wasm one, a dependency of it; tfjs-node is the one missing here.)
    const missing = await $({ cwd: dir, nothrow: true })`npx kmb --config kmb.suite.mjs --quick --backend tensorflow`;
    check(
      missing.exitCode === 2 && missing.stderr.includes(`npm install @tensorflow/tfjs-node@${CONSUMER_TFJS}`),
      `a backend not installed fails before the run, naming the package: ${missing.stderr.trim()}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function belowRange(): Promise<void> {
  process.stdout.write(`tfjs ${BELOW_RANGE_TFJS}, below the supported range\n`);
  // npm itself refuses the install (ERESOLVE: the peer range); a user who forces it still gets a clear error from kmb.
  const refused = await project("refused", tfjsPackages(BELOW_RANGE_TFJS, ["wasm"])).then(
    (dir) => rm(dir, { recursive: true, force: true }).then(() => ""),
    (error: unknown) => (error instanceof ProcessOutput ? error.stderr : String(error)),
  );
  check(/ERESOLVE/.test(refused) && refused.includes("keras-mem-bench"), "npm refuses to install the package next to it (peer range)");
  const dir = await timed("npm install --legacy-peer-deps", () =>
    project("old", tfjsPackages(BELOW_RANGE_TFJS, ["wasm"]), ["--legacy-peer-deps"]),
  );
  try {
    await writeFile(join(dir, "compat.suite.mjs"), COMPAT_SUITE);
    const run = await $({ cwd: dir, nothrow: true })`npx kmb --config compat.suite.mjs --backend wasm`;
    check(
      run.exitCode === 2 && /older than 3\.9\.0/.test(run.stderr) && /Supported: >=3\.9\.0/.test(run.stderr),
      `an unsupported tfjs fails with a clear error: ${run.stderr.trim()}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compat(release: (typeof COMPAT_RELEASES)[number]): Promise<void> {
  process.stdout.write(`compatibility: tfjs ${release.tfjs} (${release.why})\n`);
  const packages = tfjsPackages(release.tfjs, release.webgpu ? [...BACKENDS, "webgpu"] : BACKENDS);
  const dir = await timed("npm install", () => project(`compat-${release.tfjs}`, release.webgpu ? [...packages, WEBGPU_DAWN] : packages));
  try {
    await writeFile(join(dir, "compat.suite.mjs"), COMPAT_SUITE);
    const run = await timed("kmb run", () => $({ cwd: dir, nothrow: true })`npx kmb --config compat.suite.mjs --out r.json`);
    check(run.exitCode === 0, `kmb exits 0${run.exitCode === 0 ? "" : `: ${run.stderr.slice(-2000)}`}`);
    const results = await readResults(dir, "r.json");
    check(results.env.tfjs["@tensorflow/tfjs-core"] === release.tfjs, `results name tfjs-core ${release.tfjs}`);
    check(results.cells.length === FAMILIES.length * BACKENDS.length, `${results.cells.length} cells: one per family and backend`);
    for (const cell of results.cells)
      check(cell.status === "ok", `${cell.id}: ${cell.status}${cell.error ? ` (${cell.error.message})` : ""}`);
    if (release.webgpu) {
      const gpu = await timed(
        "kmb run on webgpu",
        () => $({ cwd: dir, nothrow: true })`npx kmb --config compat.suite.mjs --backend webgpu --filter family=dense --out gpu.json`,
      );
      const cells = gpu.exitCode === 0 ? (await readResults(dir, "gpu.json")).cells : [];
      check(
        cells.length === 1 && cells[0]!.status === "ok",
        `dense/in-memory/b16/webgpu: ${cells[0]?.status ?? `exit ${gpu.exitCode}: ${gpu.stderr.slice(-1500)}`}`,
      );
      const device = cells[0]?.computeDevice;
      check(
        device !== undefined && device.description !== "",
        `the webgpu cell names its adapter: ${device ? `${device.description}${device.software ? " [software]" : ""}` : "none"}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

$.verbose = false;
$.quiet = true;
// Outside the workspace means without it: pnpm's script environment (NODE_PATH into the workspace's store,
// npm_config_* settings) must not reach the projects, or they could load what they did not install.
$.env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "NODE_PATH" && !name.startsWith("npm_")));
const only = process.argv[2];
const started = performance.now();
try {
  if (only === undefined || only === "consumer") {
    await consumer();
    await belowRange();
  }
  for (const release of COMPAT_RELEASES) if (only === undefined || only === release.tfjs) await compat(release);
} catch (error) {
  failures.push(error instanceof ProcessOutput ? `${error.message}` : String(error));
  process.stderr.write(`${String(error)}\n`);
}
process.stdout.write(
  `\nconsumer test: ${failures.length === 0 ? "passed" : `${failures.length} failed`} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
