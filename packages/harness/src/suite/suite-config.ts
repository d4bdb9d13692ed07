// The typed suite a user writes (`--config my-suite.ts`) and the default suite in suites/default.ts is written in.
import type { ModelSpec } from "@keras-mem-bench/models";
import type { PipelineFactory } from "@keras-mem-bench/pipelines";
import type * as tfCore from "@tensorflow/tfjs-core";
import type { CustomCallbackArgs, LayersModel } from "@tensorflow/tfjs-layers";

/** What a suite's `callbacks` hook sees: one per cell, in the cell's own process. */
export interface CellContext {
  /** The tfjs-core the cell trains with (make tensors with this one, not another copy). */
  tf: typeof tfCore;
  cell: { id: string; family: string; strategy: string; batchSize: number; backend: string };
  model: LayersModel;
  epochs: number;
  samplesPerEpoch: number;
  /**
   * The 1-based epoch being trained. Use this, not the `epoch` argument tfjs passes to callbacks: that one
   * is always 0 here, because the harness runs each epoch as its own `fit` call to time and sample it alone.
   */
  currentEpoch(): number;
}

/** The axes and sizes of a matrix; every key is optional and falls back to the built-in default. */
export interface SuiteMatrix {
  /** Built-in family names ("dense", "lstm", "conv", "depthwise-conv") or your own ModelSpec objects. */
  families?: Array<ModelSpec | string>;
  /** Built-in strategy names ("in-memory", "generator", "tf-data", "file-stream") or your own PipelineFactory objects. */
  strategies?: Array<PipelineFactory | string>;
  batchSizes?: number[];
  /** "wasm" (default), "cpu", "tensorflow", "webgpu". */
  backends?: string[];
  /**
   * The GPU allocator axis for the "tensorflow" backend (default both): "on" grows GPU memory on demand
   * (TF_FORCE_GPU_ALLOW_GROWTH=true, Keras's set_memory_growth), "off" takes nearly all of it up front.
   * Cells on other backends have no such setting and run once.
   */
  gpuMemoryGrowth?: Array<"on" | "off">;
  epochs?: number;
  /** Epochs left out of the growth slopes (allocator and JIT warm-up). */
  warmupEpochs?: number;
  /** Training samples per epoch (the size of the synthetic data set). */
  samplesPerEpoch?: number;
  /**
   * Settings for some cells only, applied in order (a later entry wins for the keys it sets). The claims suite
   * uses them to give dense a data set the size of the articles' while the slower families train on a small one.
   */
  overrides?: SuiteOverride[];
}

/** Cells picked by `where` (every key given must match) get these settings instead of the suite's. */
export interface SuiteOverride {
  where: { family?: string[]; strategy?: string[]; batchSize?: number[]; backend?: string[] };
  /** Leave the matched cells out of the matrix. */
  skip?: boolean;
  samplesPerEpoch?: number;
  /** Kill the matched cells above this RSS, like `--max-rss` (`"320M"`, `"1G"`); `--max-rss` on the command line wins. */
  maxRss?: string;
}

export interface SuiteConfig extends SuiteMatrix {
  name?: string;
  /** Seed for model weights and samples; the same seed gives every cell the same work. */
  seed?: number;
  /**
   * Extra tfjs callbacks for each cell, e.g. to inject a leak in a test or log something of your own.
   * Called once per cell after the model is built; return undefined to add nothing.
   */
  callbacks?: (context: CellContext) => CustomCallbackArgs | CustomCallbackArgs[] | undefined;
  /** What `--quick` changes: usually fewer epochs, samples and batch sizes. */
  quickOverrides?: SuiteMatrix;
}

/** Types a suite file's default export; returns its argument unchanged. */
export function defineSuite(config: SuiteConfig): SuiteConfig {
  return config;
}
