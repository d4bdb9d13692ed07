// What the run was measured on: Node, CPU, memory, tfjs package versions, git state.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { cpus, totalmem } from "node:os";
import type { GpuInfo, RunEnvironment } from "@keras-mem-bench/results";

const require = createRequire(import.meta.url);

const TFJS_PACKAGES = [
  "@tensorflow/tfjs-core",
  "@tensorflow/tfjs-layers",
  "@tensorflow/tfjs-data",
  "@tensorflow/tfjs-backend-cpu",
  "@tensorflow/tfjs-backend-wasm",
  "@tensorflow/tfjs-backend-webgpu",
  "@tensorflow/tfjs-node",
  "@tensorflow/tfjs-node-gpu",
];

// tfjs-data and the webgpu backend are dependencies of sibling packages, not of the harness: look there too.
const LOOK_FROM = [require, ...["@keras-mem-bench/pipelines", "@keras-mem-bench/webgpu-node"].flatMap((pkg) => {
  try {
    return [createRequire(require.resolve(pkg))];
  } catch {
    return [];
  }
})];

function installedVersion(name: string): string | null {
  for (const from of LOOK_FROM) {
    try {
      // Resolve the entry point (package.json may not be exported) and read the package.json above it.
      let dir = dirname(from.resolve(name));
      for (;;) {
        try {
          const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
          if (pkg.name === name && pkg.version) return pkg.version;
        } catch {
          // no package.json here; keep climbing
        }
        const up = dirname(dir);
        if (up === dir) break;
        dir = up;
      }
    } catch {
      // not installed from here
    }
  }
  return null;
}

export function tfjsVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of TFJS_PACKAGES) {
    const version = installedVersion(name);
    if (version) versions[name] = version;
  }
  return versions;
}

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 5000 }).trim();
  } catch {
    return null;
  }
}

/** Commit, ref and dirty flag of the checkout at `cwd`; null outside a git checkout. CI's GITHUB_SHA wins when set. */
export function gitState(cwd: string): RunEnvironment["git"] {
  const sha = process.env["GITHUB_SHA"] || git(["rev-parse", "HEAD"], cwd);
  if (!sha) return null;
  const ref = process.env["GITHUB_REF"] || git(["symbolic-ref", "-q", "HEAD"], cwd) || null;
  const status = git(["status", "--porcelain", "--untracked-files=no"], cwd);
  return { sha, ref, dirty: status !== null && status !== "" };
}

export function collectEnvironment(options: { cwd?: string; gpu?: GpuInfo[] | null } = {}): RunEnvironment {
  const cpuList = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpu: { model: cpuList[0]?.model.trim() ?? "unknown", count: cpuList.length },
    totalMemoryBytes: totalmem(),
    tfjs: tfjsVersions(),
    gpu: options.gpu ?? null,
    git: gitState(options.cwd ?? process.cwd()),
  };
}
