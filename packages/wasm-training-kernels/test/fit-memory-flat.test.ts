import * as tfl from "@tensorflow/tfjs-layers";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackends, randomValues, seedFor, tf } from "./_backends.js";

beforeAll(async () => {
  await initBackends();
  // The engine's per-kernel leak check misreads customGrad ops (fused conv/matMul) as leaking; the epoch counts below are the check here.
  tf.env().set("IS_TEST", false);
  tf.env().set("PROD", true);
  await tf.setBackend("wasm");
});

const SAMPLES = 32;
const EPOCHS = 4;

interface Family {
  name: string;
  /** Per sample; an 8×8×2 image unless given. */
  inputShape?: number[];
  /** The layers between the input and the flatten + dense head every family shares. */
  build: () => tfl.layers.Layer[];
  /** The weight whose gradient needs one of the package's kernels. */
  weight: string;
}

const IMAGE = [8, 8, 2];
const families: Family[] = [
  {
    name: "Conv2D: strides 2 same, non-square valid, 1x1",
    build: () => [
      tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: "same", activation: "relu", name: "target" }),
      tfl.layers.conv2d({ filters: 3, kernelSize: [3, 2], padding: "valid", activation: "relu" }),
      tfl.layers.conv2d({ filters: 2, kernelSize: 1 }),
    ],
    weight: "target/kernel",
  },
  {
    name: "DepthwiseConv2D: multiplier 2, strides 2 + 1x1 pointwise",
    build: () => [
      tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: "same", activation: "relu", name: "target" }),
      tfl.layers.conv2d({ filters: 4, kernelSize: 1, activation: "relu" }),
      tfl.layers.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 1, padding: "valid" }),
    ],
    weight: "target/depthwise_kernel",
  },
  {
    name: "SeparableConv2D: multiplier 2, then stride 2",
    build: () => [
      tfl.layers.separableConv2d({ filters: 4, kernelSize: 3, depthMultiplier: 2, padding: "same", activation: "relu", name: "target" }),
      tfl.layers.separableConv2d({ filters: 3, kernelSize: 3, strides: 2, padding: "valid" }),
    ],
    weight: "target/depthwise_kernel",
  },
  {
    name: "Embedding",
    inputShape: [6],
    build: () => [tfl.layers.embedding({ inputDim: 20, outputDim: 4, inputLength: 6, name: "target" })],
    weight: "target/embeddings",
  },
];

function dataFor(family: Family, inputShape: number[]): { xs: tf.Tensor; ys: tf.Tensor } {
  const seed = seedFor(family.name);
  const size = SAMPLES * inputShape.reduce((a, b) => a * b, 1);
  const raw = randomValues(size, seed);
  const xs =
    family.name === "Embedding"
      ? tf.tensor(
          Int32Array.from(raw, (u) => Math.floor(((u + 1) / 2) * 20)),
          [SAMPLES, ...inputShape],
          "int32",
        )
      : tf.tensor(raw, [SAMPLES, ...inputShape]);
  const labels = Int32Array.from(randomValues(SAMPLES, seed + 1), (u) => (u > 0 ? 1 : 0));
  const ys = tf.oneHot(tf.tensor1d(labels, "int32"), 2);
  return { xs, ys };
}

describe("model.fit on wasm with the kernels registered", () => {
  it.each(families)("$name trains, and tensors and data ids stay flat across epochs", async (family) => {
    const inputShape = family.inputShape ?? IMAGE;
    const head = [tfl.layers.flatten(), tfl.layers.dense({ units: 2, activation: "softmax" })];
    const model = tfl.sequential({ layers: [tfl.layers.inputLayer({ inputShape }), ...family.build(), ...head] });
    model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
    const { xs, ys } = dataFor(family, inputShape);
    const weight = model.weights.find((w) => w.originalName === family.weight);
    if (!weight) throw new Error(`no weight ${family.weight}: ${model.weights.map((w) => w.originalName).join(", ")}`);
    const initial = Array.from(weight.read().dataSync());

    const perEpoch: Array<{ tensors: number; dataIds: number }> = [];
    const history = await model.fit(xs, ys, {
      epochs: EPOCHS,
      batchSize: 8,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onEpochEnd: async () => void perEpoch.push({ tensors: tf.memory().numTensors, dataIds: tf.engine().backend.numDataIds() }),
      },
    });

    expect(tf.getBackend()).toBe("wasm");
    const losses = history.history["loss"] as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(Array.from(weight.read().dataSync())).not.toEqual(initial);
    expect(perEpoch).toHaveLength(EPOCHS);
    if (process.env["KMB_PRINT"]) console.log(family.name, JSON.stringify(perEpoch));
    for (const epoch of perEpoch.slice(1)) expect(epoch).toEqual(perEpoch[0]);

    tf.dispose([xs, ys]);
    model.dispose();
  });
});
