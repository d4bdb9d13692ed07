// Splits a cell's memory into what each part holds: the runtime (RSS before any data), the dataset strategy
// (tensors and JS memory prepare() kept, tensors alive between steps), the model's weights and the optimizer's
// state. Tensor figures are exact; RSS and heap figures are read after a forced GC and are as noisy as GC is.
import type { MemoryParts } from "@keras-mem-bench/results";
import * as tf from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { collectGarbage } from "./samplers.js";

/** The engine's bytes for a tensor of this shape (a weight's shape is fully known once the model is built). */
function bytesOf(shape: readonly (number | null)[], dtype: tf.DataType): number {
  if (dtype === "string" || dtype === "complex64") return 0;
  return shape.reduce<number>((size, dim) => size * (dim ?? 0), 1) * tf.util.bytesPerElement(dtype);
}

/** Bytes of every weight of the model, trainable or not (e.g. batch-norm moving statistics). */
export function weightBytesOf(model: LayersModel): number {
  return model.weights.reduce((sum, w) => sum + bytesOf(w.shape, w.dtype), 0);
}

/** Bytes of every variable the engine holds: the model's weights plus the optimizer's slots and scalars. */
export function variableBytes(): number {
  let sum = 0;
  for (const variable of Object.values(tf.engine().registeredVariables)) sum += bytesOf(variable.shape, variable.dtype);
  return sum;
}

/** Heap + external after full GCs. Two: a single one left up to ~3.5 MiB of collectable memory in about one cell in four (measured), which showed as a negative dataset share. */
function retainedJsBytes(): number {
  collectGarbage();
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/**
 * Records the parts as training reaches them: `beforeData()` once backend and model are ready, `afterPrepare()`
 * after the pipeline's prepare(), `stepBegan()` at every step (the first step's end creates the optimizer's
 * slots, so its state is read at the second step, when it exists and nothing of the first step is alive).
 */
export class MemoryPartsRecorder {
  private baselineRss: number | null = null;
  private jsBeforeData = 0;
  private tensorsBeforeData = 0;
  private datasetTensors: number | null = null;
  private datasetRetained: number | null = null;
  private weights: number | null = null;
  private optimizerState: number | null = null;
  private betweenSteps: number | null = null;
  private steps = 0;

  beforeData(model: LayersModel): void {
    this.jsBeforeData = retainedJsBytes();
    this.baselineRss = process.memoryUsage().rss;
    this.tensorsBeforeData = tf.engine().state.numBytes;
    this.weights = weightBytesOf(model);
  }

  afterPrepare(): void {
    this.datasetTensors = tf.engine().state.numBytes - this.tensorsBeforeData;
    this.datasetRetained = retainedJsBytes() - this.jsBeforeData;
  }

  /** `liveBytes`: the engine's live tensor bytes as the step begins. */
  stepBegan(liveBytes: number): void {
    this.steps++;
    if (this.steps < 2 || this.weights === null) return;
    this.optimizerState ??= variableBytes() - this.weights;
    const between = liveBytes - this.weights - this.optimizerState;
    this.betweenSteps = this.betweenSteps === null ? between : Math.max(this.betweenSteps, between);
  }

  parts(): MemoryParts {
    return {
      baselineRssBytes: this.baselineRss,
      datasetTensorBytes: this.datasetTensors,
      datasetRetainedBytes: this.datasetRetained,
      betweenStepsTensorBytes: this.betweenSteps,
      weightBytes: this.weights,
      optimizerStateBytes: this.optimizerState,
    };
  }
}
