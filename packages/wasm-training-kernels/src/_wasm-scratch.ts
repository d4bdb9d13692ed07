import { getKernel, type KernelBackend, type NamedAttrMap, type NamedTensorInfoMap, type TensorInfo } from "@tensorflow/tfjs-core";
import { WASM_BACKEND_NAME } from "./kernel-names.js";

/**
 * Runs wasm kernels straight on backend data for one composed kernel and frees every intermediate
 * when it ends, however it ends. Going around the engine keeps intermediates off the tape and out of
 * `tf.memory()`, so the only thing the engine sees is the one output it is handed.
 */
export class WasmScratch {
  private readonly made: TensorInfo[] = [];

  constructor(readonly backend: KernelBackend) {}

  run(kernelName: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = getKernel(kernelName, WASM_BACKEND_NAME);
    if (kernel === undefined) {
      throw new Error(
        `wasm-training-kernels needs the wasm kernel ${kernelName}, which is not registered; is @tensorflow/tfjs-backend-wasm loaded?`,
      );
    }
    const out = kernel.kernelFunc({ inputs, backend: this.backend, attrs });
    if (Array.isArray(out)) throw new Error(`wasm kernel ${kernelName} returned several outputs where one was expected`);
    this.made.push(out);
    return out;
  }

  /** Frees `info` with the other intermediates (for data made outside `run`). */
  adopt(info: TensorInfo): TensorInfo {
    this.made.push(info);
    return info;
  }

  /** Hands `info` to the caller: it survives `dispose`. */
  keep(info: TensorInfo): TensorInfo {
    const at = this.made.indexOf(info);
    if (at >= 0) this.made.splice(at, 1);
    return info;
  }

  dispose(): void {
    // Reshape outputs share a dataId with their input and hold a reference each, so one dispose per info.
    for (const info of this.made.splice(0)) this.backend.disposeData(info.dataId);
  }
}

export function withScratch(backend: unknown, body: (scratch: WasmScratch) => TensorInfo): TensorInfo {
  const scratch = new WasmScratch(backend as KernelBackend);
  try {
    return scratch.keep(body(scratch));
  } finally {
    scratch.dispose();
  }
}

export function transpose(s: WasmScratch, x: TensorInfo, perm: number[]): TensorInfo {
  return s.run("Transpose", { x }, { perm });
}

export function reshape(s: WasmScratch, x: TensorInfo, shape: number[]): TensorInfo {
  return s.run("Reshape", { x }, { shape });
}

/** Slices `x` to `size` from `begin`, or returns it unchanged when that is the whole tensor. */
export function sliceIfNeeded(s: WasmScratch, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  const whole = begin.every((b) => b === 0) && size.every((n, i) => n === x.shape[i]);
  return whole ? x : s.run("Slice", { x }, { begin, size });
}
