import { getKernel, registerKernel, type KernelConfig } from "@tensorflow/tfjs-core";
import { conv2dBackpropFilterConfig } from "./conv2d-backprop-filter.js";
import { depthwiseConv2dBackpropFilterConfig } from "./depthwise-conv2d-backprop-filter.js";
import { depthwiseConv2dBackpropInputConfig } from "./depthwise-conv2d-backprop-input.js";
import { WASM_BACKEND_NAME, type WasmTrainingKernelName } from "./kernel-names.js";
import { avgPoolGradConfig, maxPoolGradConfig } from "./pool-grads.js";
import { unsortedSegmentSumConfig } from "./unsorted-segment-sum.js";

export const WASM_TRAINING_KERNEL_CONFIGS: readonly KernelConfig[] = [
  conv2dBackpropFilterConfig,
  depthwiseConv2dBackpropFilterConfig,
  depthwiseConv2dBackpropInputConfig,
  unsortedSegmentSumConfig,
  maxPoolGradConfig,
  avgPoolGradConfig,
];

export interface RegisterWasmTrainingKernelsResult {
  /** Kernels this call registered. */
  registered: WasmTrainingKernelName[];
  /** Kernels already registered for wasm (by an earlier call, a newer tfjs-backend-wasm, or the user); left alone. */
  skipped: WasmTrainingKernelName[];
}

/**
 * Registers the missing training kernels for the `wasm` backend. Idempotent: a kernel that wasm already
 * has is never replaced, so a later tfjs-backend-wasm that ships its own keeps it. Call it once, before
 * or after `tf.setBackend('wasm')`; it needs no initialised backend.
 */
export function registerWasmTrainingKernels(): RegisterWasmTrainingKernelsResult {
  const result: RegisterWasmTrainingKernelsResult = { registered: [], skipped: [] };
  for (const config of WASM_TRAINING_KERNEL_CONFIGS) {
    const kernelName = config.kernelName as WasmTrainingKernelName;
    if (getKernel(kernelName, WASM_BACKEND_NAME) !== undefined) {
      result.skipped.push(kernelName);
    } else {
      registerKernel(config);
      result.registered.push(kernelName);
    }
  }
  return result;
}
