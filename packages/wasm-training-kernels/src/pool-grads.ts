import {
  AvgPoolGrad,
  backend_util,
  MaxPoolGrad,
  type AvgPoolGradAttrs,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { WASM_BACKEND_NAME } from "./kernel-names.js";
import { UnsupportedAttributeError } from "./unsupported-attribute-error.js";

// wasm releases before 4.6.0 have no pooling gradients, so a CNN with max or average pooling cannot train
// there. Pool gradients are a gather / scatter over each window, with no arithmetic wasm could speed up: they
// run in JavaScript on the tensors' values and write one output, like tfjs's cpu backend does.

type Pool2DInfo = ReturnType<typeof backend_util.computePool2DInfo>;

function float32(backend: KernelBackend, info: TensorInfo, kernel: string, name: string): Float32Array {
  if (info.dtype !== "float32") throw new UnsupportedAttributeError(kernel, `${name}.dtype`, info.dtype, "'float32'");
  return backend.readSync(info.dataId) as Float32Array;
}

/** Calls `visit(inIndex, outIndex, windowIndex)` for every in-bounds input position of every output window. */
function forEachWindow(c: Pool2DInfo, visit: (inIndex: number, outIndex: number, windowIndex: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = c;
  const { effectiveFilterHeight, effectiveFilterWidth } = c;
  const { top, left } = c.padInfo;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const xRCorner = yR * strideHeight - top;
      for (let yC = 0; yC < outWidth; yC++) {
        const xCCorner = yC * strideWidth - left;
        for (let d = 0; d < inChannels; d++) {
          const outIndex = ((b * outHeight + yR) * outWidth + yC) * inChannels + d;
          let windowIndex = 0;
          for (let wR = 0; wR < effectiveFilterHeight; wR += dilationHeight) {
            const xR = xRCorner + wR;
            for (let wC = 0; wC < effectiveFilterWidth; wC += dilationWidth, windowIndex++) {
              const xC = xCCorner + wC;
              if (xR < 0 || xR >= inHeight || xC < 0 || xC >= inWidth) continue;
              visit(((b * inHeight + xR) * inWidth + xC) * inChannels + d, outIndex, windowIndex);
            }
          }
        }
      }
    }
  }
}

function output(backend: KernelBackend, values: Float32Array, shape: number[]): TensorInfo {
  return { dataId: backend.write(values, shape, "float32"), shape, dtype: "float32" };
}

/** dx: each window's dy goes to the window's first largest input, as tfjs's cpu backend picks it. */
export const maxPoolGradWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const b = backend as KernelBackend;
  const c = backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const x = float32(b, input, MaxPoolGrad, "input");
  const dyValues = float32(b, dy, MaxPoolGrad, "dy");
  const outCount = dyValues.length;
  const best = new Float64Array(outCount).fill(Number.NEGATIVE_INFINITY);
  const argmax = new Int32Array(outCount).fill(-1);
  forEachWindow(c, (inIndex, outIndex) => {
    if (x[inIndex]! > best[outIndex]!) {
      best[outIndex] = x[inIndex]!;
      argmax[outIndex] = inIndex;
    }
  });
  const dx = new Float32Array(x.length);
  for (let o = 0; o < outCount; o++) {
    const at = argmax[o]!;
    if (at >= 0) dx[at] = dx[at]! + dyValues[o]!;
  }
  return output(b, dx, [...input.shape]);
};

/** dx: each window's dy spread evenly over the window's filter positions (padding included), as tfjs's cpu backend does. */
export const avgPoolGradWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const { filterSize, strides, pad } = attrs as unknown as AvgPoolGradAttrs;
  const b = backend as KernelBackend;
  const c = backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad);
  const dyValues = float32(b, dy, AvgPoolGrad, "dy");
  const share = 1 / (c.filterHeight * c.filterWidth);
  const dx = new Float32Array(input.shape.reduce((a, n) => a * n, 1));
  forEachWindow(c, (inIndex, outIndex) => {
    dx[inIndex] = dx[inIndex]! + dyValues[outIndex]! * share;
  });
  return output(b, dx, [...input.shape]);
};

export const maxPoolGradConfig: KernelConfig = { kernelName: MaxPoolGrad, backendName: WASM_BACKEND_NAME, kernelFunc: maxPoolGradWasm };
export const avgPoolGradConfig: KernelConfig = { kernelName: AvgPoolGrad, backendName: WASM_BACKEND_NAME, kernelFunc: avgPoolGradWasm };
