// "tf.data with batch + prefetch is the best input pipeline": its memory and throughput against the other strategies.
import type { ResultsFile } from "@keras-mem-bench/results";
import {
  bytes,
  count,
  largestDataset,
  okCells,
  peakRss,
  rssScale,
  rssWithBaseline,
  sameWorkload,
  samplesPerSecond,
} from "./_claim-cells.js";
import { RSS_NOISE_BYTES, RSS_TIE_SHARE, THROUGHPUT_TIE_SHARE } from "./claim-thresholds.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "tf.data with batch + prefetch is the best pipeline: least memory and most throughput.";

export function tfDataClaim(results: ResultsFile): ClaimResult {
  const base = { id: "tf-data-is-best" as const, claim: CLAIM };
  const ok = okCells(results);
  const groups = ok
    .filter((c) => c.strategy === "tf-data")
    .map((tfData) => ({ tfData, others: ok.filter((o) => o.strategy !== "tf-data" && sameWorkload(o, tfData)) }))
    .filter((g) => g.others.length > 0);
  if (groups.length === 0) {
    return notMeasured(base, "needs a tf-data cell and another strategy on the same model, batch size and data set size");
  }
  // The group with the most strategies to compare with (a crashed cell drops out), then the largest data set.
  const most = Math.max(...groups.map((g) => g.others.length));
  const widest = groups.filter((g) => g.others.length === most);
  const { tfData, others } = widest.find((g) => g.tfData === largestDataset(widest.map((h) => h.tfData))[0])!;
  const rss = rssScale([tfData, ...others]);
  const lowest = others.reduce((a, b) => (rss.of(b) < rss.of(a) ? b : a));
  // The 5 % is of the whole peak, not of the rise above baseline: the noise lives in the whole process.
  const rssMargin = Math.max(RSS_NOISE_BYTES, RSS_TIE_SHARE * peakRss(lowest));
  const memoryBest = rss.of(tfData) <= rss.of(lowest) + rssMargin;
  const rates = others.filter((o) => samplesPerSecond(o) !== null);
  const fastest = rates.length === 0 ? null : rates.reduce((a, b) => (samplesPerSecond(b)! > samplesPerSecond(a)! ? b : a));
  const rate = samplesPerSecond(tfData);
  const throughputBest = fastest === null || rate === null ? null : rate >= THROUGHPUT_TIE_SHARE * samplesPerSecond(fastest)!;
  const between = tfData.memoryParts?.betweenStepsTensorBytes;
  const figures = [
    `${rss.label} (${count(tfData.samplesPerEpoch)} samples, b${tfData.batchSize}): ` +
      [tfData, ...others].map((c) => `${c.strategy} ${bytes(rss.of(c))}`).join(", "),
    `peak RSS: ` + [tfData, ...others].map((c) => `${c.strategy} ${rssWithBaseline(c)}`).join(", "),
    ...(rate === null
      ? []
      : [`throughput: ` + [tfData, ...rates].map((c) => `${c.strategy} ${count(samplesPerSecond(c)!)} samples/s`).join(", ")]),
    ...(between == null ? [] : [`tf-data keeps ${bytes(between)} of tensors between steps (what batch and prefetch hold then)`]),
  ];
  const cells = [tfData.id, ...others.map((o) => o.id)];
  const memoryWords = memoryBest
    ? rss.of(tfData) <= rss.of(lowest)
      ? `the lowest ${rss.label}`
      : `${rss.label} within ${bytes(rssMargin)} of the lowest (${lowest.strategy})`
    : `${rss.label} ${bytes(rss.of(tfData) - rss.of(lowest))} more than ${lowest.strategy}'s`;
  if (throughputBest === null) {
    return {
      ...base,
      verdict: memoryBest ? "partly" : "does not hold",
      reason: `${memoryWords}; throughput not measured (no epoch timing)`,
      figures,
      cells,
    };
  }
  const throughputWords = throughputBest
    ? `throughput at least ${Math.round(THROUGHPUT_TIE_SHARE * 100)}% of the fastest (${fastest!.strategy})`
    : `throughput ${Math.round((rate! / samplesPerSecond(fastest!)!) * 100)}% of ${fastest!.strategy}'s`;
  const verdict = memoryBest && throughputBest ? "holds" : memoryBest || throughputBest ? "partly" : "does not hold";
  return { ...base, verdict, reason: `${memoryWords}; ${throughputWords}`, figures, cells };
}
