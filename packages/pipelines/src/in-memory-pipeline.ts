import * as tf from "@tensorflow/tfjs-core";
import { pipelineFactory } from "./pipeline.js";
import { Lifecycle } from "./_lifecycle.js";
import { batchRanges, gatherSamples } from "./sample-source.js";

/**
 * `in-memory`: the whole data set becomes two tensors once, and `model.fit` slices batches from them
 * (the Keras "load everything into arrays" habit). The tensors live until dispose().
 */
export const inMemoryPipeline = pipelineFactory("in-memory", (source, options, { strategy, batchSize }) => {
  const lifecycle = new Lifecycle(strategy);
  let data: { xs: tf.Tensor; ys: tf.Tensor } | undefined;
  return {
    strategy,
    batchesPerEpoch: batchRanges(source.count, batchSize).length,
    async prepare() {
      lifecycle.beginPrepare();
      const { xs, ys } = gatherSamples(source, 0, source.count);
      const xsTensor = tf.tensor(xs, [source.count, ...source.xShape]);
      try {
        data = { xs: xsTensor, ys: tf.tensor(ys, [source.count, ...source.yShape]) };
      } catch (error) {
        // ys failed (e.g. out of GPU memory): dispose() will not know about xs, so free it now.
        xsTensor.dispose();
        throw error;
      }
      lifecycle.prepared();
    },
    async fitEpoch(model, callbacks) {
      lifecycle.assertReady();
      const { xs, ys } = data!;
      return model.fit(xs, ys, { batchSize, epochs: 1, shuffle: false, verbose: 0, ...(callbacks ? { callbacks } : {}) });
    },
    async dispose() {
      if (!lifecycle.dispose()) return;
      if (data) tf.dispose([data.xs, data.ys]);
      data = undefined;
    },
  };
});
