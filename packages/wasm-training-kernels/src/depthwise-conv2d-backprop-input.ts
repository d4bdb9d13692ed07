import { DepthwiseConv2dNativeBackpropInput, type KernelConfig, type TensorInfo } from "@tensorflow/tfjs-core";
import { explicitPad, inputGradAxis, shape4 } from "./_conv-geometry.js";
import { depthwiseGradKernel } from "./_depthwise-grad.js";
import { reshape, sliceIfNeeded, type WasmScratch } from "./_wasm-scratch.js";
import { WASM_BACKEND_NAME } from "./kernel-names.js";

/**
 * dx is a transposed depthwise convolution: dy with (stride-1) zeros stuffed between its pixels, padded,
 * and convolved (stride 1, same dilation) with the spatially flipped filter seen as multiplier 1 over
 * C·M channels; the M results that belong to one input channel are then summed.
 */
export const depthwiseConv2dBackpropInputWasm = depthwiseGradKernel(
  DepthwiseConv2dNativeBackpropInput,
  "filter",
  (s, { tensor: filter, dy, xShape: [n, h, w, c], fShape: [fh, fw, , m], strides: [sh, sw], dilations: [dh, dw], info }) => {
    const rows = inputGradAxis(h, info.padInfo.top, info.outHeight * sh, fh, dh);
    const cols = inputGradAxis(w, info.padInfo.left, info.outWidth * sw, fw, dw);
    const stuffed = stuffZeros(s, dy, sh, sw);
    const flipped = reshape(s, s.run("Reverse", { x: filter }, { dims: [0, 1] }), [fh, fw, c * m, 1]);
    const conv = s.run(
      "DepthwiseConv2dNative",
      { x: stuffed, filter: flipped },
      {
        strides: [1, 1],
        dilations: [dh, dw],
        pad: explicitPad(rows, cols),
      },
    );
    const cropped = sliceIfNeeded(s, conv, [0, rows.offset, cols.offset, 0], [n, h, w, c * m]);
    if (m === 1) return cropped;
    return s.run("Sum", { x: reshape(s, cropped, [n, h, w, c, m]) }, { axis: [4], keepDims: false });
  },
);

/** [N,Ho,Wo,K] → [N,Ho·sh,Wo·sw,K] with each pixel followed by zeros: reshape, pad the unit axes, reshape. */
function stuffZeros(s: WasmScratch, dy: TensorInfo, sh: number, sw: number): TensorInfo {
  if (sh === 1 && sw === 1) return dy;
  const [n, ho, wo, k] = shape4(dy, DepthwiseConv2dNativeBackpropInput, "dy");
  const spread = reshape(s, dy, [n, ho, 1, wo, 1, k]);
  const padded = s.run(
    "PadV2",
    { x: spread },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, sh - 1],
        [0, 0],
        [0, sw - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  return reshape(s, padded, [n, ho * sh, wo * sw, k]);
}

export const depthwiseConv2dBackpropInputConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: WASM_BACKEND_NAME,
  kernelFunc: depthwiseConv2dBackpropInputWasm,
};
