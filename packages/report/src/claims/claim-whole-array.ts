// "Whole-array loading keeps the whole dataset in memory": in-memory cells against streaming ones on the same work.
import type { ResultsFile } from "@keras-mem-bench/results";
import { bytes, count, largestDataset, okCells, rssScale, rssWithBaseline, sameWorkload, STREAMING_STRATEGIES } from "./_claim-cells.js";
import { RSS_NOISE_BYTES, RSS_SHOWS_DATASET_SHARE } from "./claim-thresholds.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "Loading whole arrays (model.fit(x, y)) keeps the whole dataset in memory; generators do not.";

export function wholeArrayClaim(results: ResultsFile): ClaimResult {
  const base = { id: "whole-array-holds-dataset" as const, claim: CLAIM };
  const ok = okCells(results);
  const pairs = ok
    .filter((c) => c.strategy === "in-memory" && c.memoryParts?.datasetTensorBytes != null)
    .map((inMemory) => ({ inMemory, streaming: ok.filter((s) => STREAMING_STRATEGIES.includes(s.strategy) && sameWorkload(s, inMemory)) }))
    .filter((p) => p.streaming.length > 0);
  if (pairs.length === 0) {
    return notMeasured(
      base,
      "needs an in-memory cell with memory parts (results version 2) and a streaming cell (generator, tf-data, file-stream) on the same model, batch size and data set size",
    );
  }
  const largest = largestDataset(pairs.map((p) => p.inMemory));
  const { inMemory, streaming } = pairs.find((p) => p.inMemory === largest[0])!;
  const held = inMemory.memoryParts!.datasetTensorBytes!;
  const rss = rssScale([inMemory, ...streaming]);
  const best = streaming.reduce((a, b) => (rss.of(b) < rss.of(a) ? b : a));
  const streamingHeld = Math.max(...streaming.map((s) => s.memoryParts?.datasetTensorBytes ?? 0));
  const rssGap = rss.of(inMemory) - rss.of(best);
  const figures = [
    `${inMemory.id}: ${bytes(held)} of dataset tensors after prepare (${count(inMemory.samplesPerEpoch)} samples, ${bytes(held / inMemory.samplesPerEpoch)} each)`,
    `streaming cells hold at most ${bytes(streamingHeld)} of dataset tensors after prepare`,
    `${rss.label}: in-memory ${bytes(rss.of(inMemory))} vs ${bytes(rss.of(best))} for ${best.strategy} (${rssGap >= 0 ? "+" : "−"}${bytes(Math.abs(rssGap))})`,
    `peak RSS: ${[inMemory, ...streaming].map((c) => `${c.strategy} ${rssWithBaseline(c)}`).join(", ")}`,
  ];
  const cells = [inMemory.id, ...streaming.map((s) => s.id)];
  if (held <= streamingHeld) {
    return {
      ...base,
      verdict: "does not hold",
      reason: `in-memory holds ${bytes(held)} of dataset tensors, no more than a streaming strategy (${bytes(streamingHeld)})`,
      figures,
      cells,
    };
  }
  const shows = rssGap >= Math.max(RSS_SHOWS_DATASET_SHARE * held, RSS_NOISE_BYTES);
  if (shows) {
    return {
      ...base,
      verdict: "holds",
      reason: `the whole dataset (${bytes(held)}) stays as tensors, and ${rss.label} is ${bytes(rssGap)} more than ${best.strategy}'s`,
      figures,
      cells,
    };
  }
  return {
    ...base,
    verdict: "partly",
    reason: `the dataset (${bytes(held)}) stays as tensors, but ${rss.label} is only ${bytes(Math.max(0, rssGap))} more than ${best.strategy}'s: at ${count(inMemory.samplesPerEpoch)} samples the runtime's memory hides it`,
    figures,
    cells,
  };
}
