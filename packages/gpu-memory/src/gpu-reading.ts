// One reading of GPU memory from the two parsed queries: total used across GPUs, and what one process uses.
import type { ComputeAppRow } from "./parse-compute-apps.js";
import type { GpuQueryRow } from "./parse-gpu-query.js";

export interface GpuReading {
  /** memory.used summed over the GPUs that reported it; null when none did (e.g. [Insufficient Permissions]). */
  totalUsedBytes: number | null;
  /**
   * used_memory of the process summed over its GPUs; null when nvidia-smi does not list it or gives no figure.
   * Inside a container without the host PID namespace nvidia-smi lists host pids, so the process is not found.
   */
  processUsedBytes: number | null;
  /** Per GPU, in nvidia-smi's order. */
  gpus: { index: number; uuid: string | null; usedBytes: number | null; totalBytes: number | null }[];
}

export function gpuReading(gpus: readonly GpuQueryRow[], apps: readonly ComputeAppRow[], pid: number | null): GpuReading {
  const used = gpus.map((gpu) => gpu.memoryUsedBytes).filter((bytes): bytes is number => bytes !== null);
  const mine = pid === null ? [] : apps.filter((app) => app.pid === pid);
  const mineBytes = mine.map((app) => app.usedBytes).filter((bytes): bytes is number => bytes !== null);
  return {
    totalUsedBytes: used.length > 0 ? sum(used) : null,
    processUsedBytes: mineBytes.length > 0 ? sum(mineBytes) : null,
    gpus: gpus.map((gpu) => ({ index: gpu.index, uuid: gpu.uuid, usedBytes: gpu.memoryUsedBytes, totalBytes: gpu.memoryTotalBytes })),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
