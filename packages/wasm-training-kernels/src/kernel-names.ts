import { Conv2DBackpropFilter, DepthwiseConv2dNativeBackpropFilter, DepthwiseConv2dNativeBackpropInput, UnsortedSegmentSum } from "@tensorflow/tfjs-core";

/** The kernels that `@tensorflow/tfjs-backend-wasm@4.22.0` lacks for training conv, depthwise, separable and embedding layers. */
export const WASM_TRAINING_KERNELS = [
  Conv2DBackpropFilter,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  UnsortedSegmentSum,
] as const;

export type WasmTrainingKernelName = (typeof WASM_TRAINING_KERNELS)[number];

/** The backend these kernels are written for: they call its own kernels and read its memory. */
export const WASM_BACKEND_NAME = "wasm";
