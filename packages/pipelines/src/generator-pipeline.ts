import * as tf from "@tensorflow/tfjs-core";
import * as tfd from "@tensorflow/tfjs-data";
import { pipelineFactory } from "./pipeline.js";
import { datasetPipeline } from "./_dataset-pipeline.js";
import { batchRanges, gatherSamples } from "./sample-source.js";

/**
 * `generator`: the Keras generator / `Sequence` analogue. A plain JS generator builds each whole batch
 * from the source on demand; `tf.data.generator` wraps it for `fitDataset`. Only the batch being trained
 * on exists as tensors; fitDataset disposes them after the step.
 */
export const generatorPipeline = pipelineFactory("generator", (source, options, { strategy, batchSize }) => {
  const ranges = batchRanges(source.count, batchSize);
  // tf.data calls this once per iterator, i.e. once per epoch: each epoch starts from sample 0.
  function* batches(): Generator<{ xs: tf.Tensor; ys: tf.Tensor }> {
    for (const [start, end] of ranges) {
      const { xs, ys } = gatherSamples(source, start, end);
      yield { xs: tf.tensor(xs, [end - start, ...source.xShape]), ys: tf.tensor(ys, [end - start, ...source.yShape]) };
    }
  }
  return datasetPipeline({ strategy, batchesPerEpoch: ranges.length, makeDataset: () => tfd.generator(batches) });
});
