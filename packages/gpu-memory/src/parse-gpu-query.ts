// Parser for `nvidia-smi --query-gpu=index,uuid,name,memory.total,memory.used,driver_version --format=csv,noheader,nounits`.
// Pure: text in, rows out. Tolerates a header line, units, bracketed reasons, blank lines and messages
// ("No devices were found"), which land in `unparsed` instead of throwing.
import { parseIntegerField, parseMemoryBytes, parseTextField } from "./nvidia-smi-field.js";
import { parseNvidiaSmiRows, type ParsedRows } from "./nvidia-smi-rows.js";

export const GPU_QUERY_FIELDS = ["index", "uuid", "name", "memory.total", "memory.used", "driver_version"] as const;
export const GPU_QUERY_ARGS = [`--query-gpu=${GPU_QUERY_FIELDS.join(",")}`, "--format=csv,noheader,nounits"] as const;

export interface GpuQueryRow {
  index: number;
  uuid: string | null;
  name: string | null;
  memoryTotalBytes: number | null;
  memoryUsedBytes: number | null;
  driverVersion: string | null;
}

export function parseGpuQuery(text: string): ParsedRows<GpuQueryRow> {
  return parseNvidiaSmiRows(text, "index", (fields) => {
    const index = parseIntegerField(fields[0] ?? "");
    if (index === null || fields.length < GPU_QUERY_FIELDS.length) return null;
    // Only the name could hold a comma; the fields around it are fixed.
    const tail = fields.slice(-3);
    return {
      index,
      uuid: parseTextField(fields[1] ?? ""),
      name: parseTextField(fields.slice(2, fields.length - 3).join(", ")),
      memoryTotalBytes: parseMemoryBytes(tail[0] ?? ""),
      memoryUsedBytes: parseMemoryBytes(tail[1] ?? ""),
      driverVersion: parseTextField(tail[2] ?? ""),
    };
  });
}
