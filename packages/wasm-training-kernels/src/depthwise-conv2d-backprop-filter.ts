import { DepthwiseConv2dNativeBackpropFilter, type KernelConfig } from "@tensorflow/tfjs-core";
import { explicitPad, filterGradAxis } from "./_conv-geometry.js";
import { depthwiseGradKernel } from "./_depthwise-grad.js";
import { reshape, sliceIfNeeded, transpose } from "./_wasm-scratch.js";
import { WASM_BACKEND_NAME } from "./kernel-names.js";

/**
 * dW[a,b,c,m] = Σ_n Σ_{i,j} xpad[n, i·s+a·d, j·s+b·d, c] · dy[n,i,j,c·M+m]. Making every (c, n) pair a
 * channel turns the inner sum into one depthwise convolution: x as [1,H,W,C·N], dy as a [Ho,Wo,C·N,M]
 * filter with its taps `s` apart (dilation = stride, stride = dilation). That does exactly the work of
 * the gradient (no block-diagonal waste); the sum over n is a reduction of the small [Fh,Fw,C,N,M] result.
 */
export const depthwiseConv2dBackpropFilterWasm = depthwiseGradKernel(
  DepthwiseConv2dNativeBackpropFilter,
  "x",
  (s, { tensor: x, dy, xShape: [n, , , c], fShape, strides: [sh, sw], dilations: [dh, dw], info }) => {
    const [fh, fw, , m] = fShape;
    const rows = filterGradAxis(info.inHeight, info.padInfo.top, info.outHeight, fh, sh, dh);
    const cols = filterGradAxis(info.inWidth, info.padInfo.left, info.outWidth, fw, sw, dw);
    const xT = reshape(s, transpose(s, x, [1, 2, 3, 0]), [1, info.inHeight, info.inWidth, c * n]);
    const dy5 = reshape(s, dy, [n, info.outHeight, info.outWidth, c, m]);
    const dyT = reshape(s, transpose(s, dy5, [1, 2, 3, 0, 4]), [info.outHeight, info.outWidth, c * n, m]);
    const conv = s.run(
      "DepthwiseConv2dNative",
      { x: xT, filter: dyT },
      {
        strides: [dh, dw],
        dilations: [sh, sw],
        pad: explicitPad(rows, cols),
      },
    );
    const cropped = sliceIfNeeded(s, conv, [0, 0, 0, 0], [1, fh, fw, c * n * m]);
    const perSample = reshape(s, cropped, [fh, fw, c, n, m]);
    if (n === 1) return reshape(s, perSample, fShape);
    return s.run("Sum", { x: perSample }, { axis: [3], keepDims: false });
  },
);

export const depthwiseConv2dBackpropFilterConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: WASM_BACKEND_NAME,
  kernelFunc: depthwiseConv2dBackpropFilterWasm,
};
