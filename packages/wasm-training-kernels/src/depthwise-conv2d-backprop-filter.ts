import {
  backend_util,
  DepthwiseConv2dNativeBackpropFilter,
  type DepthwiseConv2dNativeBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { filterGradAxis, pair, requireFloat32, requireShape, shape4 } from "./_conv-geometry.js";
import { reshape, sliceIfNeeded, transpose, withScratch } from "./_wasm-scratch.js";
import { WASM_BACKEND_NAME } from "./kernel-names.js";
import { UnsupportedAttributeError } from "./unsupported-attribute-error.js";

/**
 * dW[a,b,c,m] = Σ_n Σ_{i,j} xpad[n, i·s+a·d, j·s+b·d, c] · dy[n,i,j,c·M+m]. Making every (c, n) pair a
 * channel turns the inner sum into one depthwise convolution: x as [1,H,W,C·N], dy as a [Ho,Wo,C·N,M]
 * filter with its taps `s` apart (dilation = stride, stride = dilation). That does exactly the work of
 * the gradient (no block-diagonal waste); the sum over n is a reduction of the small [Fh,Fw,C,N,M] result.
 */
export const depthwiseConv2dBackpropFilterWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs;
  const name = DepthwiseConv2dNativeBackpropFilter;
  requireFloat32(x, name, "x");
  requireFloat32(dy, name, "dy");
  const xShape = shape4(x, name, "x");
  const fShape = shape4(filterShape, name, "filterShape");
  const [sh, sw] = pair(strides, 1);
  const [dh, dw] = pair(dilations, 1);
  if ((sh > 1 || sw > 1) && (dh > 1 || dw > 1)) {
    throw new UnsupportedAttributeError(name, "dilations", dilations, "all 1 when strides > 1 (as in TensorFlow)");
  }
  const [n, , , c] = xShape;
  const [fh, fw, fc, m] = fShape;
  if (fc !== c) throw new Error(`${name}: filterShape[2] (${fc}) must equal the input channels (${c})`);
  const info = backend_util.computeConv2DInfo(xShape, fShape, [sh, sw], [dh, dw], pad, dimRoundingMode, true);
  requireShape(dy, info.outShape, name, "dy");
  if (n === 0 || info.outHeight === 0 || info.outWidth === 0) {
    return withScratch(backend, (s) => s.run("Fill", {}, { shape: fShape, value: 0, dtype: "float32" }));
  }
  const rows = filterGradAxis(info.inHeight, info.padInfo.top, info.outHeight, fh, sh, dh);
  const cols = filterGradAxis(info.inWidth, info.padInfo.left, info.outWidth, fw, sw, dw);

  return withScratch(backend, (s) => {
    const xT = reshape(s, transpose(s, x, [1, 2, 3, 0]), [1, info.inHeight, info.inWidth, c * n]);
    const dy5 = reshape(s, dy, [n, info.outHeight, info.outWidth, c, m]);
    const dyT = reshape(s, transpose(s, dy5, [1, 2, 3, 0, 4]), [info.outHeight, info.outWidth, c * n, m]);
    const conv = s.run(
      "DepthwiseConv2dNative",
      { x: xT, filter: dyT },
      {
        strides: [dh, dw],
        dilations: [sh, sw],
        pad: [[0, 0], [rows.padBefore, rows.padAfter], [cols.padBefore, cols.padAfter], [0, 0]],
      },
    );
    const cropped = sliceIfNeeded(s, conv, [0, 0, 0, 0], [1, fh, fw, c * n * m]);
    const perSample = reshape(s, cropped, [fh, fw, c, n, m]);
    if (n === 1) return reshape(s, perSample, fShape);
    return s.run("Sum", { x: perSample }, { axis: [3], keepDims: false });
  });
};

export const depthwiseConv2dBackpropFilterConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: WASM_BACKEND_NAME,
  kernelFunc: depthwiseConv2dBackpropFilterWasm,
};
