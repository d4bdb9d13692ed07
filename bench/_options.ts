// What the benchmarks of the tool share: their numeric flags, checked, and the median their rounds report.
export { median } from "../packages/metrics/src/index.js";

/** parseArgs string flags with these defaults (numbers too: positiveIntegers reads them back). */
export function stringFlags<K extends string>(defaults: Record<K, string | number>): Record<K, { type: "string"; default: string }> {
  const flags = {} as Record<K, { type: "string"; default: string }>;
  for (const name of Object.keys(defaults) as K[]) flags[name] = { type: "string", default: String(defaults[name]) };
  return flags;
}

/** Reads the named parseArgs values as positive integers; a bad one names its flag and value. */
export function positiveIntegers<K extends string>(values: Partial<Record<K, unknown>>, names: readonly K[]): Record<K, number> {
  const numbers = {} as Record<K, number>;
  for (const name of names) {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} "${String(values[name])}": expected a positive integer`);
    numbers[name] = n;
  }
  return numbers;
}
