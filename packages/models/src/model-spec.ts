import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { SampleSource } from "@keras-mem-bench/pipelines";

/**
 * One model the matrix can train, with its synthetic task. `family` is a plain string so a suite can add
 * its own; the built-ins use LayerFamily.
 */
export interface ModelSpec {
  family: string;
  description: string;
  /** Per-sample shapes, without the batch dimension. */
  inputShape: number[];
  targetShape: number[];
  /** Number of classes of the task (targets are one-hot of this length). */
  classes: number;
  /** A compiled model; the same seed gives the same initial weights. */
  build(seed: number): LayersModel;
  /** `count` samples of the task; the same seed gives the same samples. */
  samples(seed: number, count: number): SampleSource;
}
