import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, expect, it } from "vitest";
import { classifier } from "../src/_seeded.js";
import { useCpu } from "./_cpu.js";

beforeAll(useCpu);

it("a classifier whose compile throws leaves no tensor behind (the Adam optimizer included)", () => {
  const before = tf.memory().numTensors;
  // No layers: the Adam optimizer (two tensors) is made, then compile fails building the model.
  expect(() => classifier([], 0.01)).toThrow(/model is empty/);
  expect(tf.memory().numTensors).toBe(before);
});
