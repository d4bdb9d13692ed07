import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, expect, it } from "vitest";
import { builtInPipelines, DATASET_STRATEGIES } from "../src/index.js";
import { tinyModel, tinySource, useCpu } from "./_tiny.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

beforeAll(useCpu);
const tmp = useTempFolder("kmb-pipelines-test-");

it.each(DATASET_STRATEGIES)("%s: tensor count is flat across epochs and back to the model alone after dispose", async (strategy) => {
  const model = tinyModel();
  const withModelOnly = tf.memory().numTensors;
  const pipeline = builtInPipelines[strategy].create(tinySource(23), { batchSize: 5, tmpDir: tmp() });
  await pipeline.prepare();
  const held = tf.memory().numTensors - withModelOnly; // in-memory keeps xs and ys; the others nothing
  expect(held).toBe(strategy === "in-memory" ? 2 : 0);

  // The first epoch creates the optimizer's slots; after that nothing may accumulate.
  const perEpoch: number[] = [];
  for (let epoch = 0; epoch < 4; epoch++) {
    await pipeline.fitEpoch(model);
    perEpoch.push(tf.memory().numTensors);
  }
  const afterFirst = perEpoch[0]!;
  expect(perEpoch).toEqual([afterFirst, afterFirst, afterFirst, afterFirst]);

  await pipeline.dispose();
  expect(tf.memory().numTensors).toBe(afterFirst - held);
  model.dispose();
});
