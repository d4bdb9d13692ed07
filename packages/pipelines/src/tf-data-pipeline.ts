import * as tf from '@tensorflow/tfjs-core';
import * as tfd from '@tensorflow/tfjs-data';
import type { Pipeline, PipelineFactory, PipelineOptions } from './pipeline.js';
import { positiveInteger } from './pipeline.js';
import { Lifecycle } from './_lifecycle.js';
import { batchRanges, type Sample, type SampleSource } from './sample-source.js';

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
export const tfDataPipeline: PipelineFactory = {
  strategy: 'tf-data',
  create(source: SampleSource, options: PipelineOptions): Pipeline {
    const strategy = 'tf-data';
    const batchSize = positiveInteger(strategy, 'batchSize', options.batchSize);
    const prefetch = positiveInteger(strategy, 'prefetch', options.prefetch ?? 2);
    const lifecycle = new Lifecycle(strategy);

    // zip pulls the xs stream and the ys stream separately; this hand-over keeps each sample computed
    // once instead of twice. Samples are deterministic, so a stale entry is still a correct one.
    const pending = new Map<number, Sample>();
    const take = (index: number, part: 'x' | 'y'): Float32Array => {
      let sample = pending.get(index);
      if (sample) pending.delete(index);
      else pending.set(index, (sample = source.sample(index)));
      return sample[part];
    };
    function* stream(part: 'x' | 'y', shape: number[]): Generator<tf.Tensor> {
      for (let i = 0; i < source.count; i++) yield tf.tensor(take(i, part), shape);
    }
    const dataset = tfd
      .zip({ xs: tfd.generator(() => stream('x', source.xShape)), ys: tfd.generator(() => stream('y', source.yShape)) })
      .batch(batchSize)
      .prefetch(prefetch);

    return {
      strategy,
      batchesPerEpoch: batchRanges(source.count, batchSize).length,
      async prepare() {
        lifecycle.beginPrepare();
        lifecycle.prepared();
      },
      async fitEpoch(model, callbacks) {
        lifecycle.assertReady();
        return model.fitDataset(dataset, { epochs: 1, verbose: 0, ...(callbacks ? { callbacks } : {}) });
      },
      async dispose() {
        if (lifecycle.dispose()) pending.clear();
      },
    };
  },
};
