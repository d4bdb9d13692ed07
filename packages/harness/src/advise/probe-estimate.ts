// How many probes the whole advise run will take, for the progress line's [n/total] and ETA. Pure.

/** Probes a row is expected to need before any row has finished: two starts, a prediction, its next size up, one miss. */
export const EXPECTED_PROBES_PER_ROW = 5;

/**
 * Probes done plus those still expected: the mean of the finished rows (or EXPECTED_PROBES_PER_ROW) for each
 * row not started, and at least one more for the row running now (null when none is).
 */
export function estimateProbeTotal(input: {
  probesPerFinishedRow: readonly number[];
  probesInCurrentRow: number | null;
  rowsNotStarted: number;
  maxProbes: number;
}): number {
  const finished = input.probesPerFinishedRow;
  const done = finished.reduce((a, b) => a + b, 0);
  const perRow = Math.min(input.maxProbes, Math.round(finished.length === 0 ? EXPECTED_PROBES_PER_ROW : done / finished.length));
  const inRow = input.probesInCurrentRow;
  const current = inRow === null ? 0 : inRow + Math.max(1, perRow - inRow);
  return done + current + perRow * input.rowsNotStarted;
}
