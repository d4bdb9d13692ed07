// Loading dawn.node and putting WebGPU into Node's globals: the one place that touches `globalThis`.
import { WebGpuError } from "./webgpu-error.js";

export interface DawnModule {
  create(flags: string[]): GPU;
  globals: object;
}

let dawn: DawnModule | null = null;

/** Imports `webgpu` lazily: a platform without a prebuilt dawn.node must not break importing this package. */
export async function loadDawn(): Promise<DawnModule> {
  if (dawn !== null) return dawn;
  try {
    const mod = (await import("webgpu")) as unknown as DawnModule;
    dawn = mod;
    return mod;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new WebGpuError(
      "KMB_WEBGPU_DAWN_LOAD",
      `WebGPU: could not load dawn.node from the \`webgpu\` package on ${process.platform}-${process.arch} (${why}). ` +
        "Prebuilt binaries exist for linux-x64, linux-arm64, darwin (universal) and win32-x64/arm64; reinstall with `corepack pnpm install`.",
      { cause },
    );
  }
}

/**
 * Defines the WebGPU constructors and enums (GPUBufferUsage, GPUMapMode, GPUTextureUsage, GPUShaderStage, ...)
 * and `navigator.gpu`. tfjs-backend-webgpu reads all of them as browser globals.
 * Existing globals win, so a runtime with its own WebGPU (Deno, a future Node) is left alone.
 */
export function installWebGpuGlobals(mod: DawnModule, gpu: GPU): void {
  const target = globalThis as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod.globals)) {
    if (!(name in target)) target[name] = value;
  }
  // Node 20 has no navigator; Node 21+ has one whose properties we may extend.
  const nav = target["navigator"] as { gpu?: GPU } | undefined;
  if (nav === undefined) {
    Object.defineProperty(globalThis, "navigator", { value: { gpu }, configurable: true, writable: true });
  } else {
    Object.defineProperty(nav, "gpu", { value: gpu, configurable: true, writable: true });
  }
}

/** Drops `navigator.gpu`, the last reference this package keeps to the Dawn instance. */
export function removeNavigatorGpu(): void {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav !== undefined && "gpu" in nav) delete nav.gpu;
}
