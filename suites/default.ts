// The default suite: what `pnpm bench` runs when no --config is given. Written with the same API a user's
// own suite file uses (see packages/harness/README.md).
import { defineSuite } from "keras-mem-bench";

export default defineSuite({
  name: "default",
  families: ["dense", "lstm", "conv", "depthwise-conv"],
  strategies: ["in-memory", "generator", "tf-data", "file-stream"],
  batchSizes: [16, 64, 256],
  backends: ["wasm"],
  epochs: 10,
  warmupEpochs: 3,
  samplesPerEpoch: 1024,
  quickOverrides: {
    batchSizes: [32, 64],
    // 6 epochs after warm-up: the fewest for which compare's epoch-time test can reach p < 0.01
    // (6 vs 6 epochs allow up to two out-of-order pairs), so quick runs in PRs judge time too.
    epochs: 8,
    warmupEpochs: 2,
    samplesPerEpoch: 256,
  },
});
