// Makes @tensorflow/tfjs-backend-webgpu usable in Node: dawn.node supplies WebGPU, we supply the browser globals
// tfjs expects, and register a backend factory whose failures say what to install instead of "null.features".
import * as tf from "@tensorflow/tfjs-core";
import type { WebGPUBackend } from "@tensorflow/tfjs-backend-webgpu";
import { installWebGpuGlobals, loadDawn, removeNavigatorGpu } from "./_dawn.js";
import { toAdapterInfo, type WebGpuAdapterInfo } from "./adapter-info.js";
import { diagnoseVulkan, noAdapterMessage } from "./vulkan-diagnosis.js";
import { WebGpuError } from "./webgpu-error.js";

export const WEBGPU_BACKEND_NAME = "webgpu";

export interface RegisterWebGpuOptions {
  /** Dawn toggles for `create()`, e.g. ["backend=vulkan"] or ["adapter=NVIDIA H100 80GB HBM3"]. */
  dawnFlags?: readonly string[];
  /** Which adapter Dawn prefers when there are several (tfjs uses high-performance). */
  powerPreference?: GPUPowerPreference;
  /** Make webgpu the active tfjs backend now (default true). */
  setBackend?: boolean;
  /** tfjs registry priority; tfjs-backend-webgpu uses 3. */
  priority?: number;
}

interface Registered {
  gpu: GPU;
  info: WebGpuAdapterInfo;
}

let registered: Promise<Registered> | null = null;

/**
 * Loads Dawn, defines `navigator.gpu` and the GPU* globals, checks that an adapter exists, registers the
 * `webgpu` tfjs backend and (by default) makes it active. Safe to call more than once.
 * Throws a WebGpuError: KMB_WEBGPU_DAWN_LOAD, KMB_WEBGPU_NO_ADAPTER (names the Mesa packages), KMB_WEBGPU_BACKEND_INIT.
 */
export async function registerWebGpuBackend(options: RegisterWebGpuOptions = {}): Promise<void> {
  if (registered === null) {
    const attempt = register(options);
    registered = attempt;
    // A failed attempt must not stick: the user may install a driver and call again in the same process.
    attempt.catch(() => {
      if (registered === attempt) registered = null;
    });
  }
  await registered;
  if (options.setBackend ?? true) await activate();
}

/** The adapter the webgpu backend runs on; asks Dawn without registering anything when not registered yet. */
export async function adapterInfo(options: Pick<RegisterWebGpuOptions, "dawnFlags" | "powerPreference"> = {}): Promise<WebGpuAdapterInfo> {
  if (registered !== null) return (await registered).info;
  const dawn = await loadDawn();
  const gpu = dawn.create([...(options.dawnFlags ?? [])]);
  const adapter = await requestAdapter(gpu, options.powerPreference);
  return toAdapterInfo(adapter.info);
}

/**
 * Disposes the backend (its GPU buffers) and drops `navigator.gpu`. The webgpu package warns that a reachable
 * `navigator.gpu` can keep Node alive; with webgpu 0.6.2 on lavapipe processes exited either way.
 */
export function releaseWebGpuBackend(): void {
  if (tf.findBackendFactory(WEBGPU_BACKEND_NAME) !== null) tf.removeBackend(WEBGPU_BACKEND_NAME);
  removeNavigatorGpu();
  registered = null;
}

async function register(options: RegisterWebGpuOptions): Promise<Registered> {
  const dawn = await loadDawn();
  const gpu = dawn.create([...(options.dawnFlags ?? [])]);
  const adapter = await requestAdapter(gpu, options.powerPreference);
  const info = toAdapterInfo(adapter.info);
  installWebGpuGlobals(dawn, gpu);
  // Imported only now: the module reads navigator.gpu when it loads, and registers its own factory if present.
  const { WebGPUBackend } = await import("@tensorflow/tfjs-backend-webgpu");
  if (tf.findBackend(WEBGPU_BACKEND_NAME) === null) {
    if (tf.findBackendFactory(WEBGPU_BACKEND_NAME) !== null) tf.removeBackend(WEBGPU_BACKEND_NAME);
    tf.registerBackend(WEBGPU_BACKEND_NAME, () => createBackend(gpu, WebGPUBackend, options.powerPreference), options.priority ?? 3);
  }
  return { gpu, info };
}

let lastInitError: unknown = null;

async function activate(): Promise<void> {
  if (tf.getBackend() === WEBGPU_BACKEND_NAME) return;
  lastInitError = null;
  // tfjs catches a failing factory and only warns; we keep its error to throw it with context.
  const ok = await tf.setBackend(WEBGPU_BACKEND_NAME);
  if (!ok) {
    const why = lastInitError instanceof Error ? lastInitError.message : String(lastInitError ?? "unknown reason");
    throw new WebGpuError(
      "KMB_WEBGPU_BACKEND_INIT",
      `WebGPU: the adapter exists but tfjs could not start the webgpu backend on it: ${why}`,
      {
        cause: lastInitError,
      },
    );
  }
}

async function requestAdapter(gpu: GPU, powerPreference: GPUPowerPreference | undefined): Promise<GPUAdapter> {
  const adapter = await gpu.requestAdapter({ powerPreference: powerPreference ?? "high-performance" });
  if (adapter === null) throw new WebGpuError("KMB_WEBGPU_NO_ADAPTER", noAdapterMessage(diagnoseVulkan()));
  return adapter;
}

/** Mirrors tfjs-backend-webgpu's own factory (features and limits it asks for), with errors kept. */
async function createBackend(
  gpu: GPU,
  Backend: typeof WebGPUBackend,
  powerPreference: GPUPowerPreference | undefined,
): Promise<WebGPUBackend> {
  try {
    // A fresh adapter each time: an adapter that already gave out a device cannot give another.
    const adapter = await requestAdapter(gpu, powerPreference);
    const requiredFeatures: GPUFeatureName[] = [];
    if (adapter.features.has("timestamp-query")) requiredFeatures.push("timestamp-query");
    if (adapter.features.has("bgra8unorm-storage")) requiredFeatures.push("bgra8unorm-storage");
    const limits = adapter.limits;
    const device = await adapter.requestDevice({
      requiredFeatures,
      requiredLimits: {
        maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
        maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
        maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
      },
    });
    return new Backend(device, adapter.info);
  } catch (error) {
    lastInitError = error;
    throw error;
  }
}
