import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { mixSeed } from "@keras-mem-bench/pipelines";

/**
 * Hands out one initializer seed per weight, derived from the model seed, so two layers of the same shape
 * do not start with identical weights, and the same model seed always gives the same weights.
 */
export function seededInitializers(seed: number): { glorot(): ReturnType<typeof tfl.initializers.glorotUniform> } {
  let next = 0;
  return {
    glorot: () => tfl.initializers.glorotUniform({ seed: mixSeed(seed, next++) }),
  };
}

/**
 * A Sequential that owns the optimizer it is compiled with. tfjs only disposes optimizers it created from a
 * name ('adam'), so a model compiled with `tf.train.adam(lr)` would leave Adam's slot tensors behind after
 * `model.dispose()`, which reads as a leak in a memory benchmark that builds several models in one process.
 */
class OwningSequential extends tfl.Sequential {
  compileOwning(args: tfl.ModelCompileArgs): this {
    this.compile(args);
    this.isOptimizerOwned = true;
    return this;
  }
}

/** Every built-in trains the same way: Adam, categorical cross-entropy, accuracy as the one metric. */
export function classifier(layers: tfl.layers.Layer[], learningRate: number): LayersModel {
  const model = new OwningSequential({ layers });
  const optimizer = tf.train.adam(learningRate);
  try {
    return model.compileOwning({ optimizer, loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  } catch (error) {
    // Nobody gets the model, and it never came to own the optimizer: free both here (Adam holds two tensors
    // from birth). An unbuilt model holds no weights, and disposing one would throw over the real error.
    optimizer.dispose();
    if (model.built) model.dispose();
    throw error;
  }
}

/** Writes a one-hot class into a zeroed target vector. */
export function oneHot(y: Float32Array, label: number): void {
  if (!Number.isInteger(label) || label < 0 || label >= y.length) throw new Error(`class ${label} is outside 0..${y.length - 1}`);
  y[label] = 1;
}
