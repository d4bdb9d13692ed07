// Shared fixtures: a tiny deterministic source and a tiny dense model that records what fit feeds it.
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { createSampleSource, sampleRandom, type SampleSource } from "../src/index.js";

export async function useCpu(): Promise<void> {
  await tf.setBackend("cpu");
  await tf.ready();
}

/** x: 3 seeded floats; y: one-hot of whether their sum is positive. */
export function tinySource(count: number, seed = 7): SampleSource {
  return createSampleSource({
    count,
    xShape: [3],
    yShape: [2],
    fill(index, x, y) {
      const random = sampleRandom(seed, index);
      for (let i = 0; i < x.length; i++) x[i] = random() * 2 - 1;
      y[x[0]! + x[1]! + x[2]! > 0 ? 1 : 0] = 1;
    },
  });
}

/** An identity layer that copies every batch it sees during training. */
class RecordInputs extends tfl.layers.Layer {
  static className = "RecordInputs";
  constructor(private readonly seen: number[][]) {
    super({});
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    this.seen.push(Array.from(x.dataSync()));
    return x;
  }
}

/** A compiled dense model plus the x and y batches that training actually saw, in order. */
export function recordingModel(seed = 1): { model: tfl.LayersModel; xs: number[][]; ys: number[][] } {
  const xs: number[][] = [];
  const ys: number[][] = [];
  const model = tfl.sequential({
    layers: [
      tfl.layers.inputLayer({ inputShape: [3] }),
      new RecordInputs(xs),
      tfl.layers.dense({ units: 2, activation: "softmax", kernelInitializer: tfl.initializers.glorotUniform({ seed }) }),
    ],
  });
  model.compile({
    optimizer: tf.train.sgd(0.1),
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => {
      ys.push(Array.from(yTrue.dataSync()));
      return tfl.metrics.categoricalCrossentropy(yTrue, yPred);
    },
  });
  return { model, xs, ys };
}

export function tinyModel(seed = 1): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [3], units: 4, activation: "relu", kernelInitializer: tfl.initializers.glorotUniform({ seed }) }),
      tfl.layers.dense({ units: 2, activation: "softmax", kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

/** Samples of a source, flattened per batch, in order: what every strategy must feed. */
export function expectedBatches(source: SampleSource, batchSize: number): { xs: number[][]; ys: number[][] } {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let start = 0; start < source.count; start += batchSize) {
    const end = Math.min(start + batchSize, source.count);
    const bx: number[] = [];
    const by: number[] = [];
    for (let i = start; i < end; i++) {
      const { x, y } = source.sample(i);
      bx.push(...x);
      by.push(...y);
    }
    xs.push(bx);
    ys.push(by);
  }
  return { xs, ys };
}
