// The claims suite: what `pnpm bench claims` runs to answer the articles' claims (packages/report/src/claims/).
// Written with the same API a user's own suite file uses. Sized so the effects are real and the run fits in
// ~10 minutes on 2 cores with the default wasm backend: only the cells a claim reads are in the matrix.
import { defineSuite } from "keras-mem-bench";

// 65,536 samples: about MNIST's 60,000 training images, the data set the articles load whole. The dense
// family is the MNIST MLP at a quarter of the pixels (196 features + 4 targets = 800 B per sample), so the
// whole array is 50 MiB of tensors. At the default 1,024 samples (0.8 MiB) strategies cannot be told apart
// in RSS; measured here at 65,536 (dense, b64, 2 epochs, cells through tsx): in-memory peak RSS 277 MiB, generator 170 MiB,
// tf-data 175 MiB, file-stream 158 MiB.
const ARTICLE_SAMPLES = 65_536;

// The budget demonstration ("fit crashes with OOM"): dense at b256 on twice the data, 131,072 samples (100 MiB of
// whole-array tensors), under a budget that only whole-array loading exceeds. Measured at b256, 2 epochs, compiled
// cells (pnpm bench): in-memory peak RSS 326 MiB, generator 138, tf-data 153, file-stream 121 MiB; through tsx
// (sources) everything is ~90 MiB higher, and on a loaded machine the same work's baseline RSS moved by ~40 MiB
// between processes. 256M stays ~30 MiB or more from both sides in both modes.
const BUDGET_SAMPLES = 131_072;
const BUDGET = "256M";

// Only the cells a claim reads, in full runs and quick ones: families and batch sizes are compared on one
// strategy (the generator, Keras's Sequence); strategies on dense at b64 and b256.
const ONLY_CELLS_CLAIMS_READ = [
  { where: { family: ["lstm", "conv", "depthwise-conv"], strategy: ["in-memory", "tf-data", "file-stream"] }, skip: true },
  { where: { family: ["dense"], batchSize: [16], strategy: ["in-memory", "tf-data", "file-stream"] }, skip: true },
];

export default defineSuite({
  name: "claims",
  families: ["dense", "lstm", "conv", "depthwise-conv"],
  strategies: ["in-memory", "generator", "tf-data", "file-stream"],
  batchSizes: [16, 64, 256],
  backends: ["wasm"],
  // 3 judged epochs after 2 warm-up: the fewest the growth verdicts accept.
  epochs: 5,
  warmupEpochs: 2,
  // Step peaks and activations do not depend on the data set size: the slow families train on a small one.
  samplesPerEpoch: 1024,
  overrides: [
    ...ONLY_CELLS_CLAIMS_READ,
    // Strategies are compared on dense with the articles' data set size at b64, without a budget...
    { where: { family: ["dense"], batchSize: [64] }, samplesPerEpoch: ARTICLE_SAMPLES },
    // ...and at b256 on twice the data under a memory budget that only whole-array loading exceeds.
    { where: { family: ["dense"], batchSize: [256] }, samplesPerEpoch: BUDGET_SAMPLES, maxRss: BUDGET },
  ],
  // A smoke run of the same cells (tests, trying a change): small data, no budget.
  quickOverrides: {
    epochs: 4,
    warmupEpochs: 1,
    samplesPerEpoch: 256,
    overrides: ONLY_CELLS_CLAIMS_READ,
  },
});
