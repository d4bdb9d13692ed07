// "LSTMs are memory-hungry": activation bytes per sample of the lstm family against dense, batch for batch.
import type { ResultsFile } from "@keras-mem-bench/results";
import { activation, bytes, count, ratio } from "./_claim-cells.js";
import { familyPairs } from "./_family-pairs.js";
import { HUNGRY_RATIO } from "./claim-thresholds.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "LSTMs are memory-hungry: a recurrent layer needs far more memory per sample than dense layers.";

export function lstmClaim(results: ResultsFile): ClaimResult {
  const base = { id: "lstm-hungrier-than-dense" as const, claim: CLAIM };
  const pairs = familyPairs(results, "lstm", "dense");
  if (pairs.length === 0) {
    return notMeasured(base, "needs lstm and dense cells with activation bytes (results version 2) at the same batch size and strategy");
  }
  const ratios = pairs.map(({ a, b }) => activation(a)! / Math.max(1, activation(b)!));
  const figures = pairs.map(({ a, b }, i) => {
    const per = (c: typeof a) => bytes(activation(c)! / c.batchSize);
    return `b${a.batchSize}: activations per sample lstm ${per(a)} vs dense ${per(b)} (${ratio(ratios[i]!)})`;
  });
  // The step's fixed part (weight gradients, optimizer temporaries) dominates dense at small batches; the cost of
  // one more sample is the slope between the smallest and largest batch, exact because the bytes are.
  if (pairs.length >= 2) {
    const first = pairs[0]!;
    const last = pairs[pairs.length - 1]!;
    const slope = (a: typeof first.a, b: typeof first.a) => (activation(b)! - activation(a)!) / (b.batchSize - a.batchSize);
    figures.push(
      `each extra sample (b${first.a.batchSize}→b${last.a.batchSize}): lstm ${bytes(slope(first.a, last.a))}, dense ${bytes(slope(first.b, last.b))}`,
    );
  }
  const params = pairs[0]!;
  if (params.a.parameterCount !== null && params.b.parameterCount !== null) {
    figures.push(`parameters: lstm ${count(params.a.parameterCount)}, dense ${count(params.b.parameterCount)}`);
  }
  const cells = pairs.flatMap(({ a, b }) => [a.id, b.id]);
  const lowest = Math.min(...ratios);
  const highest = Math.max(...ratios);
  if (lowest >= HUNGRY_RATIO)
    return {
      ...base,
      verdict: "holds",
      reason: `per sample, lstm activations are ${ratio(lowest)}–${ratio(highest)} dense's at every batch size`,
      figures,
      cells,
    };
  if (highest <= 1)
    return {
      ...base,
      verdict: "does not hold",
      reason: `per sample, lstm activations are at most ${ratio(highest)} dense's`,
      figures,
      cells,
    };
  return {
    ...base,
    verdict: "partly",
    reason: `per sample, lstm activations are ${ratio(lowest)}–${ratio(highest)} dense's: above dense, but not ${HUNGRY_RATIO}× at every batch size`,
    figures,
    cells,
  };
}
