export { conv2dBackpropFilterWasm } from "./conv2d-backprop-filter.js";
export { depthwiseConv2dBackpropFilterWasm } from "./depthwise-conv2d-backprop-filter.js";
export { depthwiseConv2dBackpropInputWasm } from "./depthwise-conv2d-backprop-input.js";
export { WASM_BACKEND_NAME, WASM_TRAINING_KERNELS, type WasmTrainingKernelName } from "./kernel-names.js";
export {
  registerWasmTrainingKernels,
  WASM_TRAINING_KERNEL_CONFIGS,
  type RegisterWasmTrainingKernelsResult,
} from "./register-wasm-training-kernels.js";
export { unsortedSegmentSumWasm } from "./unsorted-segment-sum.js";
export { avgPoolGradWasm, maxPoolGradWasm } from "./pool-grads.js";
export { UnsupportedAttributeError } from "./unsupported-attribute-error.js";
