// Which device the webgpu backend runs on: a real GPU, or lavapipe/SwiftShader on the CPU.

export interface WebGpuAdapterInfo {
  /** e.g. "nvidia", "mesa", "intel", "apple". */
  vendor: string;
  /** e.g. "ampere", "software". */
  architecture: string;
  /** e.g. "llvmpipe-llvm-15-0-6-256-bits-". */
  device: string;
  /** e.g. "llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1", "NVIDIA H100 80GB HBM3". */
  description: string;
  /** True for software rasterisers (lavapipe/llvmpipe, SwiftShader) and Dawn's fallback adapters. */
  isSoftware: boolean;
}

const SOFTWARE = /llvmpipe|lavapipe|swiftshader|softpipe/i;

/** Reads a GPUAdapterInfo (its fields are prototype getters, so spreading it gives nothing). */
export function toAdapterInfo(info: GPUAdapterInfo | undefined, isFallbackAdapter = false): WebGpuAdapterInfo {
  const vendor = info?.vendor ?? "";
  const architecture = info?.architecture ?? "";
  const device = info?.device ?? "";
  const description = info?.description ?? "";
  const fallback = isFallbackAdapter || (info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter === true;
  const isSoftware = fallback || architecture === "software" || SOFTWARE.test(`${device} ${description}`);
  return { vendor, architecture, device, description, isSoftware };
}

/** Vendor, architecture and the driver's description, e.g. "nvidia hopper (NVIDIA H200)"; what results files keep. */
export function describeAdapter(info: WebGpuAdapterInfo): string {
  const head = [info.vendor, info.architecture].filter((part) => part !== "").join(" ") || "unknown adapter";
  const detail = info.description !== "" ? info.description : info.device;
  return `${head}${detail !== "" ? ` (${detail})` : ""}`;
}

/** One line for logs, e.g. "mesa software (llvmpipe: Mesa 25.0.7 ...) [software]". */
export function formatAdapterInfo(info: WebGpuAdapterInfo): string {
  return `${describeAdapter(info)}${info.isSoftware ? " [software]" : ""}`;
}
