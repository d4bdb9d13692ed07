// Parser for `nvidia-smi --query-gpu=index,uuid,name,memory.total,memory.used,driver_version --format=csv,noheader,nounits`.
// Pure: text in, rows out. Tolerates a header line, units, bracketed reasons, blank lines and messages
// ("No devices were found"), which land in `unparsed` instead of throwing.
import { parseIntegerField, parseMemoryBytes, parseTextField, splitCsvLine } from "./nvidia-smi-field.js";

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

export interface ParsedRows<Row> {
  rows: Row[];
  /** Non-blank lines that were neither a header nor a row, e.g. "No devices were found". */
  unparsed: string[];
}

export function parseGpuQuery(text: string): ParsedRows<GpuQueryRow> {
  const rows: GpuQueryRow[] = [];
  const unparsed: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const fields = splitCsvLine(line);
    if (fields[0] === "index") continue; // header, when queried without `noheader`
    const index = parseIntegerField(fields[0] ?? "");
    if (index === null || fields.length < GPU_QUERY_FIELDS.length) {
      unparsed.push(line);
      continue;
    }
    // Only the name could hold a comma; the fields around it are fixed.
    const tail = fields.slice(-3);
    rows.push({
      index,
      uuid: parseTextField(fields[1] ?? ""),
      name: parseTextField(fields.slice(2, fields.length - 3).join(", ")),
      memoryTotalBytes: parseMemoryBytes(tail[0] ?? ""),
      memoryUsedBytes: parseMemoryBytes(tail[1] ?? ""),
      driverVersion: parseTextField(tail[2] ?? ""),
    });
  }
  return { rows, unparsed };
}
