// The GPUs of this machine for a results file's `env.gpu`: null when there is no nvidia-smi or it fails.
import type { GpuInfo } from "@keras-mem-bench/results";
import { DEFAULT_NVIDIA_SMI, DEFAULT_TIMEOUT_MS, runNvidiaSmi } from "./_run-nvidia-smi.js";
import { GPU_QUERY_ARGS, parseGpuQuery, type GpuQueryRow } from "./parse-gpu-query.js";

export interface NvidiaSmiOptions {
  /** Path or name of nvidia-smi (default: "nvidia-smi" on PATH). */
  command?: string;
  timeoutMs?: number;
}

export async function gpuInventory(options: NvidiaSmiOptions = {}): Promise<GpuInfo[] | null> {
  const outcome = await runNvidiaSmi(options.command ?? DEFAULT_NVIDIA_SMI, GPU_QUERY_ARGS, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (outcome.kind !== "ok") return null;
  const { rows } = parseGpuQuery(outcome.stdout);
  return rows.length > 0 ? rows.map(toGpuInfo) : null;
}

/** A parsed row as the results file records it; a GPU whose name is hidden still counts, by index. */
export function toGpuInfo(row: GpuQueryRow): GpuInfo {
  return { name: row.name ?? `GPU ${row.index}`, memoryTotalBytes: row.memoryTotalBytes, driverVersion: row.driverVersion, uuid: row.uuid };
}
