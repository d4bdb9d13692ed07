// The pooling gradients for wasm releases before 4.6.0. The wasm installed here (4.22.0) has its own, so each
// case runs ours through the engine under the kernel's name and puts wasm's own back afterwards.
import * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avgPoolGradWasm, maxPoolGradWasm } from "../src/index.js";
import { compareKernel, initBackends, randomValues, seedFor, sizeOf, tf, TOLERANCE } from "./_backends.js";

const ours = { MaxPoolGrad: maxPoolGradWasm, AvgPoolGrad: avgPoolGradWasm };
const native = new Map<string, tf.KernelConfig>();

beforeAll(async () => {
  await initBackends();
  for (const [kernelName, kernelFunc] of Object.entries(ours)) {
    native.set(kernelName, tf.getKernel(kernelName, "wasm")!);
    tf.unregisterKernel(kernelName, "wasm");
    tf.registerKernel({ kernelName, backendName: "wasm", kernelFunc });
  }
});
afterAll(() => {
  for (const [kernelName, config] of native) {
    tf.unregisterKernel(kernelName, "wasm");
    tf.registerKernel(config);
  }
});

interface PoolCase {
  name: string;
  x: [number, number, number, number];
  filterSize: [number, number];
  strides: [number, number];
  pad: "valid" | "same";
}

const cases: PoolCase[] = [
  { name: "2×2 stride 2 valid (Keras MaxPooling2D default)", x: [3, 8, 8, 4], filterSize: [2, 2], strides: [2, 2], pad: "valid" },
  { name: "3×3 stride 1 same (windows overlap, padded edges)", x: [2, 7, 6, 3], filterSize: [3, 3], strides: [1, 1], pad: "same" },
  { name: "3×2 stride 2×1 valid on an odd size", x: [1, 9, 5, 2], filterSize: [3, 2], strides: [2, 1], pad: "valid" },
];

describe.each([
  ["MaxPoolGrad", (x: tf.Tensor4D, c: PoolCase) => tf.maxPool(x, c.filterSize, c.strides, c.pad)],
  ["AvgPoolGrad", (x: tf.Tensor4D, c: PoolCase) => tf.avgPool(x, c.filterSize, c.strides, c.pad)],
] as const)("%s on wasm matches cpu", (kernelName, pool) => {
  it.each(cases)("$name", async (c) => {
    const seed = seedFor(`${kernelName} ${c.name}`);
    const x = randomValues(sizeOf(c.x), seed);
    const y = tf.tidy(() => pool(tf.tensor4d(x, c.x), c));
    const dy = randomValues(sizeOf(y.shape), seed + 1);
    const yValues = await y.data();
    const yShape = y.shape as [number, number, number, number];
    y.dispose();
    const inputs = (): tf.NamedTensorMap => {
      const base = { dy: tf.tensor4d(dy, yShape), input: tf.tensor4d(x, c.x) };
      return kernelName === "MaxPoolGrad" ? { ...base, output: tf.tensor4d(yValues, yShape) } : base;
    };
    const result = await compareKernel(kernelName, inputs, { filterSize: c.filterSize, strides: c.strides, pad: c.pad });
    expect(result.shape).toEqual(c.x);
    expect(result.error, `seed ${seed}`).toBeLessThanOrEqual(TOLERANCE);
    expect(result.leakedDataIds).toBe(0);
  });
});

describe("a CNN trains on wasm with these pooling gradients", () => {
  it("takes the same steps as on cpu", async () => {
    // The engine's per-kernel leak check misreads customGrad ops (fused conv) as leaking; tensor counts are checked instead.
    tf.env().set("IS_TEST", false);
    const losses: Record<string, number[]> = {};
    for (const backend of ["cpu", "wasm"] as const) {
      await tf.setBackend(backend);
      const seeded = (seed: number) => tfl.initializers.glorotUniform({ seed });
      const model = tfl.sequential({
        layers: [
          tfl.layers.conv2d({ inputShape: [8, 8, 1], filters: 3, kernelSize: 3, padding: "same", kernelInitializer: seeded(1) }),
          tfl.layers.maxPooling2d({ poolSize: 2 }),
          tfl.layers.averagePooling2d({ poolSize: 2 }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 2, activation: "softmax", kernelInitializer: seeded(2) }),
        ],
      });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: "categoricalCrossentropy" });
      const xs = tf.tensor4d(randomValues(16 * 64, 7), [16, 8, 8, 1]);
      const ys = tf.oneHot(
        tf.tensor1d(
          Array.from({ length: 16 }, (_, i) => i % 2),
          "int32",
        ),
        2,
      );
      const before = tf.memory().numTensors;
      const history = await model.fit(xs, ys, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 });
      expect(tf.memory().numTensors, `${backend}: tensors left by fit`).toBe(before);
      losses[backend] = history.history["loss"]!.map(Number);
      tf.dispose([xs, ys]);
      model.dispose();
    }
    tf.env().set("IS_TEST", true);
    for (const [i, loss] of losses["wasm"]!.entries()) expect(loss).toBeCloseTo(losses["cpu"]![i]!, 4);
  });
});
