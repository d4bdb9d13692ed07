import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { Pipeline } from "./pipeline.js";
import { Lifecycle } from "./_lifecycle.js";

/** What `model.fitDataset` takes: a tf.data dataset of `{ xs, ys }` batches. */
export type FitDataset = Parameters<LayersModel["fitDataset"]>[0];

/** What makes one dataset strategy different from the others that feed `fitDataset`. */
export interface DatasetPipelineParts {
  strategy: string;
  batchesPerEpoch: number;
  /** Runs inside prepare(); returns the dataset every epoch is one pass over (tf.data makes a fresh iterator per pass). */
  makeDataset(): FitDataset | Promise<FitDataset>;
  /** Frees what makeDataset made; runs once, on the first dispose(). */
  release?(): void | Promise<void>;
}

/**
 * The lifecycle generator, tf-data and file-stream share: prepare() makes the dataset, fitEpoch() is one
 * unshuffled `fitDataset` epoch over it, dispose() drops it and releases what the strategy holds.
 */
export function datasetPipeline(parts: DatasetPipelineParts): Pipeline {
  const lifecycle = new Lifecycle(parts.strategy);
  let dataset: FitDataset | undefined;
  return {
    strategy: parts.strategy,
    batchesPerEpoch: parts.batchesPerEpoch,
    async prepare() {
      lifecycle.beginPrepare();
      dataset = await parts.makeDataset();
      lifecycle.prepared();
    },
    async fitEpoch(model, callbacks) {
      lifecycle.assertReady();
      return model.fitDataset(dataset!, { epochs: 1, verbose: 0, ...(callbacks ? { callbacks } : {}) });
    },
    async dispose() {
      if (!lifecycle.dispose()) return;
      dataset = undefined;
      await parts.release?.();
    },
  };
}
