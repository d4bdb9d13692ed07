import {
  AvgPoolGrad,
  Conv2DBackpropFilter,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  MaxPoolGrad,
  UnsortedSegmentSum,
} from "@tensorflow/tfjs-core";

/**
 * The kernels `@tensorflow/tfjs-backend-wasm` lacks for training conv, depthwise, separable, pooling and
 * embedding layers: every release up to 4.22.0 lacks the first four; releases before 4.6.0 also lack the
 * pooling gradients.
 */
export const WASM_TRAINING_KERNELS = [
  Conv2DBackpropFilter,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  UnsortedSegmentSum,
  MaxPoolGrad,
  AvgPoolGrad,
] as const;

export type WasmTrainingKernelName = (typeof WASM_TRAINING_KERNELS)[number];

/** The backend these kernels are written for: they call its own kernels and read its memory. */
export const WASM_BACKEND_NAME = "wasm";
