import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { explicitPad, filterGradAxis, requireFloat32, requireShape, shape4 } from "./_conv-geometry.js";
import { sliceIfNeeded, transpose, withScratch } from "./_wasm-scratch.js";
import { WASM_BACKEND_NAME } from "./kernel-names.js";
import { UnsupportedAttributeError } from "./unsupported-attribute-error.js";

/**
 * dW[a,b,ci,co] = Σ_{n,i,j} xpad[n, i·s+a, j·s+b, ci] · dy[n,i,j,co] is itself a convolution: the input
 * transposed to [Ci,H,W,N] (batch Ci, channels N), convolved with dy as a [Ho,Wo,N,Co] filter whose taps
 * are the forward stride apart (dilation = stride). The result [Ci,Fh,Fw,Co] is transposed back.
 */
export const conv2dBackpropFilterWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  const name = Conv2DBackpropFilter;
  if (dataFormat !== undefined && dataFormat !== "NHWC") throw new UnsupportedAttributeError(name, "dataFormat", dataFormat, "'NHWC'");
  requireFloat32(x, name, "x");
  requireFloat32(dy, name, "dy");
  const xShape = shape4(x, name, "x");
  const fShape = shape4(filterShape, name, "filterShape");
  const info = backend_util.computeConv2DInfo(xShape, fShape, strides, 1, pad, dimRoundingMode, false, "channelsLast");
  requireShape(dy, info.outShape, name, "dy");
  const [n, , , ci] = xShape;
  const [fh, fw, , co] = fShape;
  if (n === 0 || info.outHeight === 0 || info.outWidth === 0) {
    return withScratch(backend, (s) => s.run("Fill", {}, { shape: fShape, value: 0, dtype: "float32" }));
  }
  const rows = filterGradAxis(info.inHeight, info.padInfo.top, info.outHeight, fh, info.strideHeight, 1);
  const cols = filterGradAxis(info.inWidth, info.padInfo.left, info.outWidth, fw, info.strideWidth, 1);

  return withScratch(backend, (s) => {
    const xT = transpose(s, x, [3, 1, 2, 0]);
    const dyT = transpose(s, dy, [1, 2, 0, 3]);
    const conv = s.run(
      "Conv2D",
      { x: xT, filter: dyT },
      {
        strides: [1, 1],
        dilations: [info.strideHeight, info.strideWidth],
        pad: explicitPad(rows, cols),
        dataFormat: "NHWC",
      },
    );
    const cropped = sliceIfNeeded(s, conv, [0, 0, 0, 0], [ci, fh, fw, co]);
    return transpose(s, cropped, [1, 2, 0, 3]);
  });
};

export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: WASM_BACKEND_NAME,
  kernelFunc: conv2dBackpropFilterWasm,
};
