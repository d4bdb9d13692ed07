import * as tf from '@tensorflow/tfjs-core';
import * as tfd from '@tensorflow/tfjs-data';
import type { Pipeline, PipelineFactory, PipelineOptions } from './pipeline.js';
import { positiveInteger } from './pipeline.js';
import { Lifecycle } from './_lifecycle.js';
import { batchRanges, gatherSamples, type SampleSource } from './sample-source.js';

/**
 * `generator`: the Keras generator / `Sequence` analogue. A plain JS generator builds each whole batch
 * from the source on demand; `tf.data.generator` wraps it for `fitDataset`. Only the batch being trained
 * on exists as tensors; fitDataset disposes them after the step.
 */
export const generatorPipeline: PipelineFactory = {
  strategy: 'generator',
  create(source: SampleSource, options: PipelineOptions): Pipeline {
    const strategy = 'generator';
    const batchSize = positiveInteger(strategy, 'batchSize', options.batchSize);
    const ranges = batchRanges(source.count, batchSize);
    const lifecycle = new Lifecycle(strategy);
    // tf.data calls this once per iterator, i.e. once per epoch: each epoch starts from sample 0.
    function* batches(): Generator<{ xs: tf.Tensor; ys: tf.Tensor }> {
      for (const [start, end] of ranges) {
        const { xs, ys } = gatherSamples(source, start, end);
        yield { xs: tf.tensor(xs, [end - start, ...source.xShape]), ys: tf.tensor(ys, [end - start, ...source.yShape]) };
      }
    }
    const dataset = tfd.generator(batches);
    return {
      strategy,
      batchesPerEpoch: ranges.length,
      async prepare() {
        lifecycle.beginPrepare();
        lifecycle.prepared();
      },
      async fitEpoch(model, callbacks) {
        lifecycle.assertReady();
        return model.fitDataset(dataset, { epochs: 1, verbose: 0, ...(callbacks ? { callbacks } : {}) });
      },
      async dispose() {
        lifecycle.dispose();
      },
    };
  },
};
