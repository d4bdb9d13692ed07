export { registerWebGpuBackend, adapterInfo, releaseWebGpuBackend, WEBGPU_BACKEND_NAME } from "./register-webgpu-backend.js";
export type { RegisterWebGpuOptions } from "./register-webgpu-backend.js";
export { toAdapterInfo, describeAdapter, formatAdapterInfo } from "./adapter-info.js";
export type { WebGpuAdapterInfo } from "./adapter-info.js";
export { diagnoseVulkan, noAdapterMessage, LAVAPIPE_INSTALL_DEBIAN12 } from "./vulkan-diagnosis.js";
export type { VulkanDiagnosis } from "./vulkan-diagnosis.js";
export { WebGpuError, isWebGpuError } from "./webgpu-error.js";
export type { WebGpuErrorCode } from "./webgpu-error.js";
