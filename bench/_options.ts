// What the benchmarks of the tool share: their numeric flags, checked, and the median their rounds report.
export { median } from "../packages/metrics/src/index.js";

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
