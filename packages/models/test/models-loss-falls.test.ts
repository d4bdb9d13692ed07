import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, expect, it } from "vitest";
import { builtInModels, type LayerFamily } from "../src/index.js";
import { useCpu } from "./_cpu.js";

beforeAll(useCpu);

// Tiny data so the cpu backend stays quick (its conv gradients are slow); sizes per family.
const CASES: Array<[LayerFamily, { count: number; epochs: number; batchSize: number }]> = [
  ["dense", { count: 64, epochs: 4, batchSize: 8 }],
  ["lstm", { count: 48, epochs: 4, batchSize: 8 }],
  ["conv", { count: 16, epochs: 8, batchSize: 4 }],
  ["depthwise-conv", { count: 16, epochs: 12, batchSize: 4 }],
];

it.each(CASES)("%s: training loss falls over a few epochs", async (family, { count, epochs, batchSize }) => {
  const spec = builtInModels[family];
  const source = spec.samples(11, count);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < count; i++) {
    const { x, y } = source.sample(i);
    xs.push(...x);
    ys.push(...y);
  }
  const x = tf.tensor(xs, [count, ...spec.inputShape]);
  const y = tf.tensor(ys, [count, ...spec.targetShape]);
  const model = spec.build(5);
  const loss = () => {
    const [value] = model.evaluate(x, y, { batchSize: count }) as tf.Scalar[];
    return value!.dataSync()[0]!;
  };
  const before = loss();
  await model.fit(x, y, { batchSize, epochs, shuffle: false, verbose: 0 });
  const after = loss();
  expect(after).toBeLessThan(0.6 * before);
  tf.dispose([x, y]);
  model.dispose();
});
