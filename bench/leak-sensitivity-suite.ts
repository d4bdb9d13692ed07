// The suite bench/leak-sensitivity.ts runs: the quick suite's settings on the four cells of issue 13's
// measurement, with a callback that keeps KMB_BENCH_LEAK_BYTES of Buffers per epoch (read in each cell's process).
import { defineSuite } from "keras-mem-bench";

const bytes = Number(process.env["KMB_BENCH_LEAK_BYTES"] ?? "0");
const kept: Buffer[] = [];

export default defineSuite({
  name: "leak-sensitivity",
  families: ["dense", "lstm"],
  strategies: ["in-memory", "tf-data"],
  batchSizes: [32],
  backends: ["wasm"],
  epochs: 8,
  warmupEpochs: 2,
  samplesPerEpoch: 256,
  callbacks: () => (bytes > 0 ? { onEpochEnd: () => void kept.push(Buffer.alloc(bytes, 1)) } : undefined),
});
