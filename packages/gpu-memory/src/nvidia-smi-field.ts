// One CSV field of nvidia-smi's --format=csv output. Values nvidia-smi cannot give are printed in brackets:
// [N/A] (newer drivers, WDDM, MIG), [Not Supported] (older drivers), [Insufficient Permissions] (containers,
// MIG), [Not Found], [Unknown Error]. Memory is MiB, with " MiB" appended unless `nounits` was asked for.

const MIB = 1024 * 1024;
const UNIT_BYTES: Record<string, number> = { b: 1, kib: 1024, mib: MIB, gib: 1024 * MIB };

/** The bracketed reason when nvidia-smi gave no value (e.g. "[N/A]"), or null when the field holds a value. */
export function unavailableReason(field: string): string | null {
  const text = field.trim();
  if (text === "") return "[empty]";
  if (/^\[.*\]$/.test(text) || /^n\/a$/i.test(text)) return text;
  return null;
}

/** A text field (name, uuid, driver version), or null when nvidia-smi printed a bracketed reason or nothing. */
export function parseTextField(field: string): string | null {
  return unavailableReason(field) === null ? field.trim() : null;
}

/** A memory field in bytes: "81920", "81920 MiB", "80 GiB"; null for bracketed reasons and unreadable values. */
export function parseMemoryBytes(field: string): number | null {
  if (unavailableReason(field) !== null) return null;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(field.trim());
  if (match === null) return null;
  const unit = (match[2] ?? "").toLowerCase();
  const factor = unit === "" ? MIB : UNIT_BYTES[unit];
  if (factor === undefined) return null;
  return Math.round(Number(match[1]) * factor);
}

/** A non-negative integer field (index, pid), or null. */
export function parseIntegerField(field: string): number | null {
  const text = field.trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Splits one CSV line as nvidia-smi writes it (", " between fields, no quoting). */
export function splitCsvLine(line: string): string[] {
  return line.split(",").map((part) => part.trim());
}
