// One tiny model per layer family, with seeded synthetic data: enough to run every training kernel a family
// needs (forward, gradients, optimizer update) on a backend, small enough for lavapipe on a 2-core CI machine.
// The real models live in packages/models; these only prove the backend trains each family.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export const FAMILIES = ["dense", "lstm", "conv", "depthwise-conv"] as const;
export type Family = (typeof FAMILIES)[number];

export interface TinyCell {
  model: tfl.Sequential;
  x: tf.Tensor;
  y: tf.Tensor;
  batchSize: number;
}

export const SAMPLES = 128;
export const BATCH_SIZE = 32;

function layersFor(family: Family): { inputShape: number[]; layers: tfl.layers.Layer[] } {
  const init = { kernelInitializer: tfl.initializers.glorotUniform({ seed: 7 }) };
  switch (family) {
    case "dense":
      return { inputShape: [16], layers: [tfl.layers.dense({ units: 32, activation: "relu", inputShape: [16], ...init })] };
    case "lstm":
      return {
        inputShape: [8, 4],
        layers: [
          tfl.layers.lstm({ units: 8, inputShape: [8, 4], ...init, recurrentInitializer: tfl.initializers.glorotUniform({ seed: 8 }) }),
        ],
      };
    case "conv":
      return {
        inputShape: [8, 8, 1],
        layers: [
          tfl.layers.conv2d({ filters: 4, kernelSize: 3, activation: "relu", inputShape: [8, 8, 1], ...init }),
          tfl.layers.flatten(),
        ],
      };
    case "depthwise-conv":
      return {
        inputShape: [8, 8, 2],
        layers: [
          tfl.layers.depthwiseConv2d({
            kernelSize: 3,
            depthMultiplier: 1,
            inputShape: [8, 8, 2],
            depthwiseInitializer: tfl.initializers.glorotUniform({ seed: 7 }),
          }),
          tfl.layers.conv2d({ filters: 4, kernelSize: 1, activation: "relu", ...init }),
          tfl.layers.flatten(),
        ],
      };
  }
}

/** Builds, compiles and feeds one family's model; the caller disposes x, y and the model. */
export function tinyCell(family: Family): TinyCell {
  const { inputShape, layers } = layersFor(family);
  const model = tfl.sequential({
    layers: [...layers, tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: 9 }) })],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });
  const x = tf.randomUniform([SAMPLES, ...inputShape], -1, 1, "float32", 11);
  // A learnable target: the mean of each sample's inputs.
  const y = tf.tidy(() => tf.mean(tf.reshape(x, [SAMPLES, -1]), 1, true));
  return { model, x, y, batchSize: BATCH_SIZE };
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  numTensors: number;
  ms: number;
}

/** Trains `epochs` epochs one `fit` call per epoch, recording loss, live tensors and wall time after each. */
export async function trainEpochs(cell: TinyCell, epochs: number): Promise<EpochRecord[]> {
  const records: EpochRecord[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const start = performance.now();
    const history = await cell.model.fit(cell.x, cell.y, { epochs: 1, batchSize: cell.batchSize, shuffle: false, verbose: 0 });
    const loss = Number(history.history["loss"]?.[0]);
    records.push({ epoch, loss, numTensors: tf.memory().numTensors, ms: performance.now() - start });
  }
  return records;
}

export function disposeCell(cell: TinyCell): void {
  cell.model.optimizer.dispose();
  cell.model.dispose();
  tf.dispose([cell.x, cell.y]);
}
