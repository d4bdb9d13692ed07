// Puts tfjs on the backend a cell asked for. Optional backends are imported dynamically so the harness
// installs and runs without them; asking for one that is absent fails with what to install.
import { createRequire } from "node:module";
import * as tf from "@tensorflow/tfjs-core";
import type { ComputeDevice } from "@keras-mem-bench/results";
import type { WebGpuAdapterInfo } from "@keras-mem-bench/webgpu-node";
import { assertTfjsSupported, compareVersions, installedVersion, OLDEST_WEBGPU_TFJS, WASM_FETCH_FIXED_IN } from "../tfjs-support.js";

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

// Specifiers held in variables: tsc must not try to resolve packages that are optional.
const TFJS_NODE_GPU = "@tensorflow/tfjs-node-gpu";
const TFJS_NODE = "@tensorflow/tfjs-node";
const WEBGPU_NODE = "@keras-mem-bench/webgpu-node";

/** The packages a backend loads besides tfjs-core; @tensorflow ones must be of the core's release. */
const BACKEND_PACKAGES: Record<Exclude<BackendName, "tensorflow">, string[]> = {
  wasm: ["@tensorflow/tfjs-backend-wasm"],
  cpu: ["@tensorflow/tfjs-backend-cpu"],
  webgpu: ["@tensorflow/tfjs-backend-webgpu", "webgpu"],
};
/** Dawn for Node, the one release line the webgpu set-up is written for. */
const WEBGPU_DAWN_RANGE = "0.6.x";

const installTensorflow = (core: string) =>
  `backend "tensorflow" needs ${TFJS_NODE_GPU} (CUDA) or ${TFJS_NODE}, and neither is installed. ` +
  `Install the one of your tfjs-core's release, e.g. \`npm install ${TFJS_NODE}@${core}\` ` +
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
 * Checks, without loading anything, that tfjs is supported and a backend's packages are installed at the
 * tfjs-core's release, so a run can refuse a matrix it cannot measure before it starts. Throws
 * TfjsVersionError or BackendUnavailableError naming the package and version to install.
 */
export function assertBackendInstalled(name: string, versionOf: (pkg: string) => string | null = installedVersion): void {
  if (!isBackendName(name)) throw new BackendUnavailableError(name, `unknown backend "${name}" (known: ${BACKENDS.join(", ")})`);
  const core = assertTfjsSupported(versionOf);
  if (name === "tensorflow") {
    if (versionOf(TFJS_NODE_GPU) === null && versionOf(TFJS_NODE) === null)
      throw new BackendUnavailableError(name, installTensorflow(core));
    return;
  }
  if (name === "webgpu" && compareVersions(core, OLDEST_WEBGPU_TFJS) < 0) {
    throw new BackendUnavailableError(
      name,
      `backend "webgpu" needs tfjs ${OLDEST_WEBGPU_TFJS} or newer (@tensorflow/tfjs-backend-webgpu has no stable release before it); yours is ${core}`,
    );
  }
  for (const pkg of BACKEND_PACKAGES[name]) {
    const wanted = pkg.startsWith("@tensorflow/") ? core : WEBGPU_DAWN_RANGE;
    const installed = versionOf(pkg);
    const install = `npm install ${pkg}@${wanted}`;
    if (installed === null) {
      throw new BackendUnavailableError(
        name,
        `backend "${name}" needs ${pkg}@${wanted}${wanted === core ? " (the release of your @tensorflow/tfjs-core)" : ""}, which is not installed: \`${install}\``,
      );
    }
    if (wanted === core && installed !== core) {
      throw new BackendUnavailableError(
        name,
        `backend "${name}": ${pkg}@${installed} does not match @tensorflow/tfjs-core@${core}: \`${install}\``,
      );
    }
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
  if (failures.length === 0) throw new BackendUnavailableError("tensorflow", installTensorflow(tf.version_core));
  throw new BackendUnavailableError("tensorflow", `backend "tensorflow" failed to load:\n  ${failures.join("\n  ")}`);
}

interface WebGpuNode {
  registerWebGpuBackend?: () => Promise<void>;
  adapterInfo?: () => Promise<WebGpuAdapterInfo>;
  describeAdapter?: (info: WebGpuAdapterInfo) => string;
}

/** Registers the webgpu backend and says which adapter Dawn chose (lavapipe and a real GPU give unrelated figures). */
async function importWebGpu(): Promise<ComputeDevice | null> {
  let module: WebGpuNode;
  try {
    // A literal specifier: the published package bundles this workspace package (Dawn and the tfjs backend stay the user's).
    module = (await import("@keras-mem-bench/webgpu-node")) as typeof module;
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
  if (typeof module.adapterInfo !== "function" || typeof module.describeAdapter !== "function") return null;
  const info = await module.adapterInfo();
  return { description: module.describeAdapter(info), software: info.isSoftware };
}

export interface BackendInfo {
  name: BackendName;
  /** The package that provides it, e.g. @tensorflow/tfjs-backend-wasm. */
  providedBy: string;
  /** The GPU a GPU backend computes on (webgpu: the adapter); null for backends that compute in the process. */
  device: ComputeDevice | null;
}

/** Loads and selects a backend, then waits until it is ready. Call once per process, before building models. */
export async function setUpBackend(name: string): Promise<BackendInfo> {
  if (!isBackendName(name)) throw new BackendUnavailableError(name, `unknown backend "${name}" (known: ${BACKENDS.join(", ")})`);
  let providedBy: string;
  let device: ComputeDevice | null = null;
  switch (name) {
    case "wasm": {
      await import("@tensorflow/tfjs-backend-wasm");
      const { registerWasmTrainingKernels } = await import("@keras-mem-bench/wasm-training-kernels");
      // Every wasm release up to 4.22 lacks the conv / depthwise gradients that training needs; this
      // registers the ones the installed release lacks and leaves any it has.
      registerWasmTrainingKernels();
      providedBy = "@tensorflow/tfjs-backend-wasm";
      const version = installedVersion(providedBy);
      if (version !== null && compareVersions(version, WASM_FETCH_FIXED_IN) < 0) {
        // Before 3.21.0 the wasm loader prefers fetch() whenever it exists; Node's cannot read a file path
        // ("Failed to parse URL from …/tfjs-backend-wasm-simd.wasm"). Without fetch it reads the file itself.
        await withoutGlobalFetch(() => selectBackend(name));
        return { name, providedBy, device: null };
      }
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
      device = await importWebGpu();
      providedBy = WEBGPU_NODE;
      break;
  }
  await selectBackend(name);
  return { name, providedBy, device };
}

async function selectBackend(name: BackendName): Promise<void> {
  if (!(await tf.setBackend(name))) throw new BackendUnavailableError(name, `backend "${name}" was loaded but failed to initialise`);
  await tf.ready();
}

async function withoutGlobalFetch<T>(body: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "fetch");
  Reflect.deleteProperty(globalThis, "fetch");
  try {
    return await body();
  } finally {
    if (saved) Object.defineProperty(globalThis, "fetch", saved);
  }
}
