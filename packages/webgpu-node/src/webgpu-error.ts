// Errors kept as data: a stable code the harness can record in a cell, and a message that says what to install.

export type WebGpuErrorCode =
  /** The `webgpu` package (dawn.node) could not be loaded on this platform. */
  | "KMB_WEBGPU_DAWN_LOAD"
  /** Dawn found no adapter: no usable Vulkan driver (or, off Linux, no usable Metal/D3D12 device). */
  | "KMB_WEBGPU_NO_ADAPTER"
  /** An adapter exists but tfjs could not create its backend on it (device request or init failed). */
  | "KMB_WEBGPU_BACKEND_INIT";

export class WebGpuError extends Error {
  override readonly name = "WebGpuError";
  readonly code: WebGpuErrorCode;

  constructor(code: WebGpuErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isWebGpuError(value: unknown): value is WebGpuError {
  return value instanceof WebGpuError;
}
