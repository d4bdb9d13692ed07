// Prints the WebGPU adapter this machine gives tfjs (the runner check in packages/gpu-memory/RUNNERS.md):
//   corepack pnpm --filter @keras-mem-bench/webgpu-node adapter
// Exits 1 with the install instructions when there is no adapter.
import { adapterInfo, formatAdapterInfo, isWebGpuError } from "../src/index.js";

try {
  console.log(formatAdapterInfo(await adapterInfo()));
} catch (error) {
  console.error(isWebGpuError(error) ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
}
