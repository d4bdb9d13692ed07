/** (head − base) / |base|; null when base is 0 or either side is missing, where a ratio means nothing. */
export function relativeChange(base: number | null, head: number | null): number | null {
  if (base === null || head === null || base === 0 || !Number.isFinite(base) || !Number.isFinite(head)) return null;
  return (head - base) / Math.abs(base);
}
