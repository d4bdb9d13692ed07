import * as tf from "@tensorflow/tfjs-core";
import * as tfd from "@tensorflow/tfjs-data";
import { pipelineFactory, positiveInteger } from "./pipeline.js";
import { datasetPipeline } from "./_dataset-pipeline.js";
import { batchRanges, type Sample } from "./sample-source.js";

/**
 * `tf-data`: the idiom the tf.data guides recommend: per-sample streams zipped into `{xs, ys}`, then
 * `batch` and `prefetch`, fed to `fitDataset`.
 *
 * Where tensors live (tfjs-data 4.22):
 * - each per-sample generator creates one small tensor per `next()`;
 * - `batch()` stacks them into a batch tensor; its internal map step disposes the per-sample inputs;
 * - `prefetch(k)` holds up to k batches (tensors included) ahead of the training step;
 * - `fitDataset` disposes each batch's xs/ys right after the training step.
 * A fresh iterator (and so fresh generators) is made per epoch, and an exhausted one holds no tensors.
 */
export const tfDataPipeline = pipelineFactory("tf-data", (source, options, { strategy, batchSize }) => {
  const prefetch = positiveInteger(strategy, "prefetch", options.prefetch ?? 2);

  // zip pulls the xs stream and the ys stream separately; this hand-over keeps each sample computed
  // once instead of twice. Samples are deterministic, so a stale entry is still a correct one.
  const pending = new Map<number, Sample>();
  const take = (index: number, part: "x" | "y"): Float32Array => {
    let sample = pending.get(index);
    if (sample) pending.delete(index);
    else pending.set(index, (sample = source.sample(index)));
    return sample[part];
  };
  function* stream(part: "x" | "y", shape: number[]): Generator<tf.Tensor> {
    for (let i = 0; i < source.count; i++) yield tf.tensor(take(i, part), shape);
  }
  return datasetPipeline({
    strategy,
    batchesPerEpoch: batchRanges(source.count, batchSize).length,
    makeDataset: () =>
      tfd
        .zip({ xs: tfd.generator(() => stream("x", source.xShape)), ys: tfd.generator(() => stream("y", source.yShape)) })
        .batch(batchSize)
        .prefetch(prefetch),
    release: () => pending.clear(),
  });
});
