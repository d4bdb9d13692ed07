import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, expect, it } from "vitest";
import { builtInModels, LAYER_FAMILIES } from "../src/index.js";
import { useCpu } from "./_cpu.js";

beforeAll(useCpu);

it.each(LAYER_FAMILIES)("%s: dispose() after training frees every tensor, optimizer state included", async (family) => {
  const spec = builtInModels[family];
  const source = spec.samples(2, 4);
  const before = tf.memory().numTensors;
  const model = spec.build(2);
  const samples = Array.from({ length: source.count }, (_, i) => source.sample(i));
  const x = tf.tensor(
    samples.flatMap((s) => Array.from(s.x)),
    [source.count, ...spec.inputShape],
  );
  const y = tf.tensor(
    samples.flatMap((s) => Array.from(s.y)),
    [source.count, ...spec.targetShape],
  );
  await model.fit(x, y, { batchSize: 2, epochs: 1, verbose: 0 });
  tf.dispose([x, y]);
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
});
