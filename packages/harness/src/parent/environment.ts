// What the run was measured on: Node, CPU, memory, tfjs package versions, git state.
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import type { GpuInfo, RunEnvironment } from "@keras-mem-bench/results";
import { installedVersion } from "../tfjs-support.js";

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
