import type { History, LayersModel, ModelFitArgs } from "@tensorflow/tfjs-layers";
import type { SampleSource } from "./sample-source.js";

export const DATASET_STRATEGIES = ["in-memory", "generator", "tf-data", "file-stream"] as const;
export type DatasetStrategy = (typeof DATASET_STRATEGIES)[number];

/** Whatever `model.fit` / `model.fitDataset` accept as `callbacks`. */
export type FitCallbacks = NonNullable<ModelFitArgs["callbacks"]>;

/**
 * One dataset strategy bound to one sample source. Lifecycle: `prepare()` once, `fitEpoch()` any number
 * of times (each is exactly one epoch, unshuffled, so the caller can time epochs one by one), then
 * `dispose()` (always, also after a failure; calling it twice is harmless).
 */
export interface Pipeline {
  strategy: string;
  /** Number of batches one epoch feeds (the last may be short). */
  batchesPerEpoch: number;
  prepare(): Promise<void>;
  fitEpoch(model: LayersModel, callbacks?: FitCallbacks): Promise<History>;
  dispose(): Promise<void>;
}

export interface PipelineOptions {
  batchSize: number;
  /** Parent folder for on-disk strategies; a fresh sub-folder is made in it (default: os.tmpdir()). */
  tmpDir?: string;
  /** `tf-data`: batches prefetched ahead of training (default 2). */
  prefetch?: number;
  /** `file-stream`: samples per shard file (default 256). */
  samplesPerShard?: number;
}

export interface PipelineFactory {
  strategy: string;
  create(source: SampleSource, options: PipelineOptions): Pipeline;
}

/**
 * A strategy's factory. The batch size every strategy takes is checked here, once for all of them;
 * `build` gets it checked, with the strategy's name for its own messages.
 */
export function pipelineFactory(
  strategy: string,
  build: (source: SampleSource, options: PipelineOptions, checked: { strategy: string; batchSize: number }) => Pipeline,
): PipelineFactory {
  return {
    strategy,
    create: (source, options) => build(source, options, { strategy, batchSize: positiveInteger(strategy, "batchSize", options.batchSize) }),
  };
}

/** Checks a positive integer option, naming it and the strategy when it is not. */
export function positiveInteger(strategy: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${strategy}: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}
