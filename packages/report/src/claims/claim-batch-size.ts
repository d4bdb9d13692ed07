// "Memory grows with batch size": the step peak (exact tensor bytes) of each family across batch sizes.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { bytes, okCells, sameSetting, stepPeak } from "./_claim-cells.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "The memory a training step needs grows with the batch size.";

/** Per family, the setting (strategy, backend) with the most batch sizes that have a step peak. */
function seriesPerFamily(cells: readonly Cell[]): Cell[][] {
  const measured = cells.filter((c) => stepPeak(c) !== null);
  const families = [...new Set(measured.map((c) => c.family))];
  return families
    .map((family) => {
      const ofFamily = measured.filter((c) => c.family === family);
      const series = ofFamily.map((c) => ofFamily.filter((o) => sameSetting(o, c)));
      const longest = series.reduce((a, b) => (b.length > a.length ? b : a));
      // One cell per batch size (the same batch may appear with different data set sizes; the step peak does not depend on it).
      const byBatch = new Map(longest.map((c) => [c.batchSize, c]));
      return [...byBatch.values()].sort((a, b) => a.batchSize - b.batchSize);
    })
    .filter((s) => s.length >= 2);
}

export function batchSizeClaim(results: ResultsFile): ClaimResult {
  const base = { id: "memory-grows-with-batch" as const, claim: CLAIM };
  const all = seriesPerFamily(okCells(results));
  if (all.length === 0) {
    return notMeasured(base, "needs step peaks (results version 2) of one family at two or more batch sizes");
  }
  const grows: string[] = [];
  const flat: string[] = [];
  const figures = all.map((series) => {
    const first = series[0]!;
    const last = series[series.length - 1]!;
    const peaks = series.map((c) => stepPeak(c)!);
    const increasing = peaks.every((p, i) => i === 0 || p > peaks[i - 1]!);
    (increasing ? grows : flat).push(first.family);
    // Exact bytes, so two batch sizes give the per-sample cost directly.
    const perSample = (stepPeak(last)! - stepPeak(first)!) / (last.batchSize - first.batchSize);
    return `${first.family} (${first.strategy}): step peak ${peaks.map(bytes).join(" / ")} at b${series.map((c) => c.batchSize).join("/")}, ${bytes(perSample)} per sample`;
  });
  const cells = all.flat().map((c) => c.id);
  if (flat.length === 0)
    return {
      ...base,
      verdict: "holds",
      reason: `the step peak rises with every larger batch in all ${grows.length} families`,
      figures,
      cells,
    };
  if (grows.length === 0)
    return { ...base, verdict: "does not hold", reason: `no family's step peak rises with the batch size`, figures, cells };
  return {
    ...base,
    verdict: "partly",
    reason: `the step peak rises with the batch for ${grows.join(", ")}, not for ${flat.join(", ")}`,
    figures,
    cells,
  };
}
