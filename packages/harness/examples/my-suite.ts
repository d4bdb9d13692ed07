// The README's worked example: corepack pnpm bench --config packages/harness/examples/my-suite.ts [--quick]
// (copy it anywhere in the repo; it imports only @keras-mem-bench/harness).
import { builtInPipelines, createSampleSource, defineSuite, tfl, type ModelSpec, type PipelineFactory } from "@keras-mem-bench/harness";

// A GRU on a toy task of your own: is the sum of the sequence positive?
const STEPS = 12;
const gru: ModelSpec = {
  family: "gru",
  description: `GRU(16) over ${STEPS} steps → dense 2 (softmax); class = sign of the sum`,
  inputShape: [STEPS, 1],
  targetShape: [2],
  classes: 2,
  build(seed) {
    const model = tfl.sequential({
      layers: [
        // Glorot for the recurrent kernel too: tfjs's default (orthogonal) fails to build on wasm.
        tfl.layers.gru({
          inputShape: [STEPS, 1],
          units: 16,
          kernelInitializer: tfl.initializers.glorotUniform({ seed }),
          recurrentInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 }),
        }),
        tfl.layers.dense({ units: 2, activation: "softmax" }),
      ],
    });
    model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" }); // by name: disposed with the model
    return model;
  },
  samples(seed, count) {
    return createSampleSource({
      count,
      xShape: [STEPS, 1],
      yShape: [2],
      fill(index, x, y) {
        let sum = 0;
        for (let i = 0; i < STEPS; i++) sum += x[i] = (((index * 31 + i * 17 + seed) % 13) - 6) / 6;
        y[sum > 0 ? 1 : 0] = 1;
      },
    });
  },
};

// A strategy of your own: anything with prepare / fitEpoch(model, callbacks) / dispose. Here, tf.data
// with a deeper prefetch buffer than the built-in's 2 batches.
const deepPrefetch: PipelineFactory = {
  strategy: "tf-data-prefetch-8",
  create: (source, options) => builtInPipelines["tf-data"].create(source, { ...options, prefetch: 8 }),
};

const kept: unknown[] = [];

export default defineSuite({
  name: "mine",
  families: ["dense", gru],
  strategies: ["tf-data", deepPrefetch],
  batchSizes: [32],
  epochs: 8,
  warmupEpochs: 2,
  samplesPerEpoch: 256,
  // LEAK=tensor keeps one tensor per epoch (→ leaking); LEAK=buffer keeps an 8 MiB Buffer per epoch in gru cells (→ growing).
  callbacks: ({ tf, cell, currentEpoch }) => {
    if (process.env.LEAK === "tensor") return { onEpochEnd: () => void kept.push(tf.scalar(currentEpoch())) };
    if (process.env.LEAK === "buffer" && cell.family === "gru") return { onEpochEnd: () => void kept.push(Buffer.alloc(8 * 2 ** 20, 1)) };
    return undefined;
  },
  quickOverrides: { epochs: 6, samplesPerEpoch: 128 },
});
