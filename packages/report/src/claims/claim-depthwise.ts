// "Depthwise-separable convolutions are cheaper than plain ones": parameters and activations, judged separately.
import type { ResultsFile } from "@keras-mem-bench/results";
import { activation, bytes, count } from "./_claim-cells.js";
import { familyPairs } from "./_family-pairs.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "Depthwise-separable convolutions are cheaper than plain convolutions (fewer parameters, less memory).";

export function depthwiseClaim(results: ResultsFile): ClaimResult {
  const base = { id: "depthwise-cheaper-than-conv" as const, claim: CLAIM };
  const pairs = familyPairs(results, "depthwise-conv", "conv");
  const first = pairs[0];
  if (first === undefined || first.a.parameterCount === null || first.b.parameterCount === null) {
    return notMeasured(
      base,
      "needs depthwise-conv and conv cells with parameter counts and activation bytes (results version 2) at the same batch size and strategy",
    );
  }
  const depthwiseParams = first.a.parameterCount;
  const convParams = first.b.parameterCount;
  const fewerParameters = depthwiseParams < convParams;
  const lessActivation = pairs.every(({ a, b }) => activation(a)! <= activation(b)!);
  const moreActivation = pairs.every(({ a, b }) => activation(a)! > activation(b)!);
  const weights = (c: typeof first.a) => (c.memoryParts?.weightBytes == null ? "" : `, ${bytes(c.memoryParts.weightBytes)} of weights`);
  const figures = [
    `parameters: depthwise-conv ${count(depthwiseParams)}${weights(first.a)} vs conv ${count(convParams)}${weights(first.b)} (${Math.round((1 - depthwiseParams / convParams) * 100)}% fewer)`,
    ...pairs.map(
      ({ a, b }) =>
        `b${a.batchSize}: activations depthwise-conv ${bytes(activation(a)!)} vs conv ${bytes(activation(b)!)} (${activation(a)! >= activation(b)! ? "+" : "−"}${Math.abs(Math.round((activation(a)! / activation(b)! - 1) * 100))}%)`,
    ),
  ];
  const cells = pairs.flatMap(({ a, b }) => [a.id, b.id]);
  const activationWords = lessActivation
    ? "no more activation memory per step"
    : moreActivation
      ? "more activation memory per step at every batch size"
      : "more activation memory at some batch sizes";
  const parameterWords = fewerParameters ? "fewer parameters" : "no fewer parameters";
  const verdict = fewerParameters && lessActivation ? "holds" : !fewerParameters && !lessActivation ? "does not hold" : "partly";
  return { ...base, verdict, reason: `depthwise-separable has ${parameterWords} and ${activationWords} than conv`, figures, cells };
}
