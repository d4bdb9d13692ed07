// "Generators (Keras Sequence) keep memory to about one batch": the generator strategy's dataset tensors and heap.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { bytes, largestDataset, okCells, sameWorkload } from "./_claim-cells.js";
import { BATCHES_ALLOWED, RETAINED_DATASET_SHARE } from "./claim-thresholds.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "A generator (Keras Sequence) keeps only about one batch in memory, whatever the dataset size.";

export function generatorClaim(results: ResultsFile): ClaimResult {
  const base = { id: "generator-keeps-a-batch" as const, claim: CLAIM };
  const ok = okCells(results);
  // A batch's bytes come from the in-memory cell on the same work: its dataset tensors ÷ samples × batch size.
  const pairs = ok
    .filter((c) => c.strategy === "generator" && c.memoryParts?.betweenStepsTensorBytes != null)
    .map((generator) => ({
      generator,
      inMemory: ok.find((m) => m.strategy === "in-memory" && sameWorkload(m, generator) && (m.memoryParts?.datasetTensorBytes ?? 0) > 0),
    }))
    .filter((p): p is { generator: Cell; inMemory: Cell } => p.inMemory !== undefined);
  if (pairs.length === 0) {
    return notMeasured(
      base,
      "needs a generator cell and an in-memory cell on the same work, with memory parts (results version 2), to know what one batch weighs",
    );
  }
  const { generator, inMemory } = pairs.find((p) => p.generator === largestDataset(pairs.map((q) => q.generator))[0])!;
  const dataset = inMemory.memoryParts!.datasetTensorBytes!;
  const batch = (dataset / inMemory.samplesPerEpoch) * generator.batchSize;
  const parts = generator.memoryParts!;
  const held = Math.max(parts.datasetTensorBytes ?? 0, parts.betweenStepsTensorBytes ?? 0);
  const retained = parts.datasetRetainedBytes ?? 0;
  const figures = [
    `one batch of ${generator.batchSize} = ${bytes(batch)}; the whole dataset = ${bytes(dataset)}`,
    `${generator.id}: ${bytes(parts.datasetTensorBytes ?? 0)} of dataset tensors after prepare, ${bytes(parts.betweenStepsTensorBytes ?? 0)} between steps (${(held / batch).toFixed(1)} batches)`,
    `heap + external kept from prepare: ${bytes(retained)}`,
  ];
  const cells = [generator.id, inMemory.id];
  if (held > BATCHES_ALLOWED * batch) {
    return {
      ...base,
      verdict: "does not hold",
      reason: `the generator keeps ${bytes(held)} of tensors, ${(held / batch).toFixed(1)} batches (more than ${BATCHES_ALLOWED})`,
      figures,
      cells,
    };
  }
  if (retained >= RETAINED_DATASET_SHARE * dataset) {
    return {
      ...base,
      verdict: "partly",
      reason: `tensors stay within ${BATCHES_ALLOWED} batches, but ${bytes(retained)} of JS memory is kept from prepare (the data lives outside tensors)`,
      figures,
      cells,
    };
  }
  return {
    ...base,
    verdict: "holds",
    reason: `between steps the generator keeps ${bytes(held)} of tensors (${(held / batch).toFixed(1)} batches) against ${bytes(dataset)} for the whole array`,
    figures,
    cells,
  };
}
