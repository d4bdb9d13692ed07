// The default suite: what `pnpm bench` runs when no --config is given. Written with the same API a user's
// own suite file uses (see packages/harness/README.md).
import { defineSuite } from "@keras-mem-bench/harness";

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
    epochs: 6,
    warmupEpochs: 2,
    samplesPerEpoch: 256,
  },
});
