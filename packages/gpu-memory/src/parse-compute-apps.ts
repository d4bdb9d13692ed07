// Parser for `nvidia-smi --query-compute-apps=pid,gpu_uuid,used_memory --format=csv,noheader,nounits`.
// One row per process per GPU (a process with contexts on two GPUs has two rows). With MIG, gpu_uuid is
// the parent GPU's UUID. used_memory is [N/A] under Windows WDDM and may be [Insufficient Permissions]
// in containers. No compute processes prints nothing at all.
import { parseIntegerField, parseMemoryBytes, parseTextField } from "./nvidia-smi-field.js";
import { parseNvidiaSmiRows, type ParsedRows } from "./nvidia-smi-rows.js";

export const COMPUTE_APPS_FIELDS = ["pid", "gpu_uuid", "used_memory"] as const;
export const COMPUTE_APPS_ARGS = [`--query-compute-apps=${COMPUTE_APPS_FIELDS.join(",")}`, "--format=csv,noheader,nounits"] as const;

export interface ComputeAppRow {
  pid: number;
  gpuUuid: string | null;
  usedBytes: number | null;
}

export function parseComputeApps(text: string): ParsedRows<ComputeAppRow> {
  return parseNvidiaSmiRows(text, "pid", (fields) => {
    const pid = parseIntegerField(fields[0] ?? "");
    if (pid === null || fields.length !== COMPUTE_APPS_FIELDS.length) return null;
    return { pid, gpuUuid: parseTextField(fields[1] ?? ""), usedBytes: parseMemoryBytes(fields[2] ?? "") };
  });
}
