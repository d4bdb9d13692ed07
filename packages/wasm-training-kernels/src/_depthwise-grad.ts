import { backend_util, type DepthwiseConv2dNativeBackpropFilterAttrs, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { pair, requireFloat32, requireShape, shape4, type Shape4 } from "./_conv-geometry.js";
import { withScratch, type WasmScratch } from "./_wasm-scratch.js";
import { UnsupportedAttributeError } from "./unsupported-attribute-error.js";

/** The forward depthwise convolution a gradient works back from, checked, with the gradient's tensors. */
export interface DepthwiseGrad {
  /** x for the filter gradient, the filter for the input gradient: whichever the kernel gets as a tensor. */
  tensor: TensorInfo;
  dy: TensorInfo;
  xShape: Shape4;
  fShape: Shape4;
  strides: [number, number];
  dilations: [number, number];
  info: backend_util.Conv2DInfo;
}

/**
 * What both depthwise gradients share. One gets x as a tensor and the filter's shape as an attribute
 * (`filterShape`), the other the filter as a tensor and x's shape (`inputShape`); the shape attribute is
 * also the result's shape. Both check their operands the same way (float32 tensors, rank-4 shapes,
 * strides and dilations not both above 1 as in TensorFlow, matching channels, dy shaped as the forward
 * output), give zeros for an empty dy, and otherwise run `compute` on scratch data.
 */
export function depthwiseGradKernel(
  kernelName: string,
  tensorName: "x" | "filter",
  compute: (s: WasmScratch, grad: DepthwiseGrad) => TensorInfo,
): KernelFunc {
  const shapeName = tensorName === "x" ? "filterShape" : "inputShape";
  return ({ inputs, backend, attrs }) => {
    const { dy, [tensorName]: tensor } = inputs as { dy: TensorInfo } & Record<typeof tensorName, TensorInfo>;
    // Both kernels' attrs carry the forward conv's strides, pad, dilations and rounding, plus the shape attribute.
    const forward = attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs & Record<typeof shapeName, readonly number[]>;
    requireFloat32(tensor, kernelName, tensorName);
    requireFloat32(dy, kernelName, "dy");
    const tensorShape = shape4(tensor, kernelName, tensorName);
    const givenShape = shape4(forward[shapeName], kernelName, shapeName);
    const [xShape, fShape] = tensorName === "x" ? [tensorShape, givenShape] : [givenShape, tensorShape];
    const strides = pair(forward.strides, 1);
    const dilations = pair(forward.dilations, 1);
    if (strides.some((s) => s > 1) && dilations.some((d) => d > 1)) {
      throw new UnsupportedAttributeError(kernelName, "dilations", forward.dilations, "all 1 when strides > 1 (as in TensorFlow)");
    }
    const [xWhat, fWhat] = tensorName === "x" ? ["x.shape", shapeName] : [shapeName, "filter.shape"];
    if (fShape[2] !== xShape[3]) throw new Error(`${kernelName}: ${fWhat}[2] (${fShape[2]}) must equal ${xWhat}[3] (${xShape[3]})`);
    const info = backend_util.computeConv2DInfo(xShape, fShape, strides, dilations, forward.pad, forward.dimRoundingMode, true);
    requireShape(dy, info.outShape, kernelName, "dy");
    if (dy.shape.some((d) => d === 0)) {
      return withScratch(backend, (s) => s.run("Fill", {}, { shape: givenShape, value: 0, dtype: "float32" }));
    }
    return withScratch(backend, (s) => compute(s, { tensor, dy, xShape, fShape, strides, dilations, info }));
  };
}
