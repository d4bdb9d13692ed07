// RSS that rises while nothing the process reports rises with it (retained heap + external, tensor bytes,
// wasm and GPU memory): a fresh process's code space and allocator arenas fill over the first epochs, by up to
// 2.6 MiB per typical epoch (3.1 MiB/epoch least-squares) in 160 clean quick cells over 5 reruns, while what it
// retains stays flat. Such a rise is growth only past this floor. One home: the harness's verdict applies it,
// and compare() applies it to `growing` verdicts of files written before it existed.

export interface RssOnlyGrowthFloor {
  /** The typical epoch (median epoch-to-epoch change) must add at least this many bytes… */
  minStepBytes: number;
  /** …and at least this share of the RSS median over the judged epochs. */
  minStepFraction: number;
}

export const RSS_ONLY_GROWTH_FLOOR: Readonly<RssOnlyGrowthFloor> = Object.freeze({
  minStepBytes: 6 * 2 ** 20,
  minStepFraction: 0.03,
});

/** Bytes a typical epoch must add for RSS rising alone to be growth, for a series at this median level. */
export function rssOnlyGrowthFloor(medianRssBytes: number, floor: RssOnlyGrowthFloor = RSS_ONLY_GROWTH_FLOOR): number {
  return Math.max(floor.minStepBytes, floor.minStepFraction * Math.abs(medianRssBytes));
}
