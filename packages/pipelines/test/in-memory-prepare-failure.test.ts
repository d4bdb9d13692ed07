import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, expect, it } from "vitest";
import { builtInPipelines, type SampleSource } from "../src/index.js";
import { tinySource, useCpu } from "./_tiny.js";

beforeAll(useCpu);

it("in-memory: when making ys fails, prepare() rejects and leaves no tensor (xs included)", async () => {
  // Stands in for an allocation failure on the second tensor: once every sample has been gathered, the
  // source reports a yShape the gathered ys do not fill, so tf.tensor(ys) throws after xs exists.
  const base = tinySource(10);
  let gathered = false;
  const source: SampleSource = {
    count: base.count,
    xShape: base.xShape,
    get yShape() {
      return gathered ? [3] : base.yShape;
    },
    sample(index) {
      if (index === base.count - 1) gathered = true;
      return base.sample(index);
    },
  };
  const pipeline = builtInPipelines["in-memory"].create(source, { batchSize: 5 });
  const before = tf.memory().numTensors;
  await expect(pipeline.prepare()).rejects.toThrow(/should have 30 values but has 20/);
  expect(tf.memory().numTensors).toBe(before);
  await pipeline.dispose();
});
