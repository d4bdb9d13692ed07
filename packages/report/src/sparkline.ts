// A memory curve in one line of text: eight block heights, one character per value.
const BLOCKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

export interface SparklineOptions {
  /** Shared scale, so two curves drawn with the same min and max can be compared by eye. */
  min?: number;
  max?: number;
}

/** Unicode block sparkline; a flat series draws at the bottom, non-finite values as spaces. */
export function sparkline(values: readonly number[], options: SparklineOptions = {}): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return values.map(() => " ").join("");
  const min = options.min ?? Math.min(...finite);
  const max = options.max ?? Math.max(...finite);
  const range = max - min;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return " ";
      if (range <= 0) return BLOCKS[0];
      const level = Math.round(((Math.min(max, Math.max(min, v)) - min) / range) * (BLOCKS.length - 1));
      return BLOCKS[level];
    })
    .join("");
}
