// The backend set-up both benchmarks share: webgpu through this package (printing the adapter), wasm with
// the training kernels registered, or any other tfjs backend by name (cpu).
import * as tf from "@tensorflow/tfjs-core";
import { adapterInfo, formatAdapterInfo, registerWebGpuBackend, releaseWebGpuBackend } from "../src/index.js";

/** Makes `backend` the active tfjs backend; returns what releases it when the benchmark is done. */
export async function useBackend(backend: string): Promise<() => void> {
  if (backend === "webgpu") {
    await registerWebGpuBackend();
    console.log(`adapter: ${formatAdapterInfo(await adapterInfo())}`);
    return releaseWebGpuBackend;
  }
  if (backend === "wasm") {
    await import("@tensorflow/tfjs-backend-wasm");
    const { registerWasmTrainingKernels } = await import("@keras-mem-bench/wasm-training-kernels");
    registerWasmTrainingKernels();
  } else {
    await import("@tensorflow/tfjs-backend-cpu");
  }
  await tf.setBackend(backend);
  return () => {};
}
