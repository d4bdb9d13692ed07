// The line loop every `nvidia-smi --query-* --format=csv` parser shares. Pure: text in, rows out; blank
// lines and a header are skipped, and lines that are not rows (messages such as "No devices were found")
// land in `unparsed` instead of throwing.
import { splitCsvLine } from "./nvidia-smi-field.js";

export interface ParsedRows<Row> {
  rows: Row[];
  /** Non-blank lines that were neither a header nor a row, e.g. "No devices were found". */
  unparsed: string[];
}

/**
 * Splits each line of `text` into fields and hands them to `row`, which returns null for a line that is
 * not a row. A line whose first field is `headerField` is the header (when queried without `noheader`).
 */
export function parseNvidiaSmiRows<Row>(text: string, headerField: string, row: (fields: string[]) => Row | null): ParsedRows<Row> {
  const rows: Row[] = [];
  const unparsed: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const fields = splitCsvLine(line);
    if (fields[0] === headerField) continue;
    const parsed = row(fields);
    if (parsed === null) unparsed.push(line);
    else rows.push(parsed);
  }
  return { rows, unparsed };
}
