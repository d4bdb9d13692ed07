// Puts tfjs on the backend a cell asked for. Optional backends are imported dynamically so the harness
// installs and runs without them; asking for one that is absent fails with what to install.
import { createRequire } from "node:module";
import * as tf from "@tensorflow/tfjs-core";

export const BACKENDS = ["wasm", "cpu", "tensorflow", "webgpu"] as const;
export type BackendName = (typeof BACKENDS)[number];

/** A backend that cannot be used on this machine; the message says what to install or check. */
export class BackendUnavailableError extends Error {
  readonly code = "KMB_BACKEND_UNAVAILABLE";
  constructor(
    readonly backend: string,
    message: string,
  ) {
    super(message);
    this.name = "BackendUnavailableError";
  }
}

export function isBackendName(name: string): name is BackendName {
  return (BACKENDS as readonly string[]).includes(name);
}

// Specifiers held in variables: tsc must not try to resolve packages that are optional or land later.
const TFJS_NODE_GPU = "@tensorflow/tfjs-node-gpu";
const TFJS_NODE = "@tensorflow/tfjs-node";
const WEBGPU_NODE = "@keras-mem-bench/webgpu-node";

const INSTALL_TENSORFLOW =
  `backend "tensorflow" needs ${TFJS_NODE_GPU} (CUDA) or ${TFJS_NODE}, and neither is installed. ` +
  `Install one next to the harness, e.g. \`corepack pnpm --filter @keras-mem-bench/harness add ${TFJS_NODE}@4.22.0\` ` +
  `(its install script downloads libtensorflow, so it needs access to storage.googleapis.com).`;

const require = createRequire(import.meta.url);

function resolvable(specifier: string): boolean {
  try {
    require.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks, without loading anything, that a backend's packages are installed, so a run can refuse a
 * matrix it cannot measure before it starts. Throws BackendUnavailableError naming what is missing.
 */
export function assertBackendInstalled(name: string): void {
  if (!isBackendName(name)) throw new BackendUnavailableError(name, `unknown backend "${name}" (known: ${BACKENDS.join(", ")})`);
  if (name === "tensorflow" && !resolvable(TFJS_NODE_GPU) && !resolvable(TFJS_NODE)) {
    throw new BackendUnavailableError(name, INSTALL_TENSORFLOW);
  }
  if (name === "webgpu" && !resolvable(WEBGPU_NODE)) {
    throw new BackendUnavailableError(
      name,
      `backend "webgpu" needs the workspace package ${WEBGPU_NODE} (Dawn via the \`webgpu\` npm package) as a dependency of the harness; it is not installed.`,
    );
  }
}

async function importTensorflow(): Promise<string> {
  const failures: string[] = [];
  for (const specifier of [TFJS_NODE_GPU, TFJS_NODE]) {
    if (!resolvable(specifier)) continue;
    try {
      await import(specifier);
      return specifier;
    } catch (error) {
      // Installed but unloadable: usually libtensorflow or CUDA missing. Keep why, try the next one.
      failures.push(`${specifier}: ${(error as Error).message}`);
    }
  }
  if (failures.length === 0) throw new BackendUnavailableError("tensorflow", INSTALL_TENSORFLOW);
  throw new BackendUnavailableError("tensorflow", `backend "tensorflow" failed to load:\n  ${failures.join("\n  ")}`);
}

async function importWebGpu(): Promise<void> {
  let module: { registerWebGpuBackend?: () => Promise<void> };
  try {
    module = (await import(WEBGPU_NODE)) as typeof module;
  } catch (error) {
    throw new BackendUnavailableError("webgpu", `backend "webgpu": cannot load ${WEBGPU_NODE}: ${(error as Error).message}`);
  }
  if (typeof module.registerWebGpuBackend !== "function") {
    throw new BackendUnavailableError("webgpu", `backend "webgpu": ${WEBGPU_NODE} does not export registerWebGpuBackend()`);
  }
  try {
    await module.registerWebGpuBackend();
  } catch (error) {
    throw new BackendUnavailableError(
      "webgpu",
      `backend "webgpu": no usable GPU adapter (${(error as Error).message}). On a CPU-only Linux machine install a Vulkan driver (Mesa lavapipe); see scripts/install-lavapipe.sh.`,
    );
  }
}

export interface BackendInfo {
  name: BackendName;
  /** The package that provides it, e.g. @tensorflow/tfjs-backend-wasm. */
  providedBy: string;
}

/** Loads and selects a backend, then waits until it is ready. Call once per process, before building models. */
export async function setUpBackend(name: string): Promise<BackendInfo> {
  if (!isBackendName(name)) throw new BackendUnavailableError(name, `unknown backend "${name}" (known: ${BACKENDS.join(", ")})`);
  let providedBy: string;
  switch (name) {
    case "wasm": {
      await import("@tensorflow/tfjs-backend-wasm");
      const { registerWasmTrainingKernels } = await import("@keras-mem-bench/wasm-training-kernels");
      // wasm 4.22 lacks the conv / depthwise gradients that training needs; these fill the gap.
      registerWasmTrainingKernels();
      providedBy = "@tensorflow/tfjs-backend-wasm";
      break;
    }
    case "cpu":
      await import("@tensorflow/tfjs-backend-cpu");
      providedBy = "@tensorflow/tfjs-backend-cpu";
      break;
    case "tensorflow":
      providedBy = await importTensorflow();
      break;
    case "webgpu":
      await importWebGpu();
      providedBy = WEBGPU_NODE;
      break;
  }
  if (!(await tf.setBackend(name))) throw new BackendUnavailableError(name, `backend "${name}" was loaded but failed to initialise`);
  await tf.ready();
  return { name, providedBy };
}
