import * as tfl from "@tensorflow/tfjs-layers";
import { createSampleSource, sampleRandom } from "@keras-mem-bench/pipelines";
import { mulberry32 } from "@keras-mem-bench/results";
import type { ModelSpec } from "./model-spec.js";
import { classifier, oneHot, seededInitializers } from "./_seeded.js";

const FEATURES = 196; // a flattened 14×14 image: the MNIST MLP, at a quarter of the pixels
const CLASSES = 4;

// The task is fixed (not drawn from the sample seed) so every seed asks the same question.
const TASK = mulberry32(0x5eed_d0e5);
const W1 = Float32Array.from({ length: FEATURES }, () => TASK() * 2 - 1);
const W2 = Float32Array.from({ length: FEATURES }, () => TASK() * 2 - 1);

function dot(w: Float32Array, x: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += w[i]! * x[i]!;
  return sum;
}

/** `dense`: an MLP on flat vectors; the class is the pair of signs of two fixed weighted sums. */
export const denseModel: ModelSpec = {
  family: "dense",
  description: `MLP ${FEATURES}→64→32→${CLASSES} (relu, softmax); class = signs of two fixed weighted sums of the inputs`,
  inputShape: [FEATURES],
  targetShape: [CLASSES],
  classes: CLASSES,
  build(seed) {
    const init = seededInitializers(seed);
    return classifier(
      [
        tfl.layers.dense({ inputShape: [FEATURES], units: 64, activation: "relu", kernelInitializer: init.glorot() }),
        tfl.layers.dense({ units: 32, activation: "relu", kernelInitializer: init.glorot() }),
        tfl.layers.dense({ units: CLASSES, activation: "softmax", kernelInitializer: init.glorot() }),
      ],
      0.005,
    );
  },
  samples(seed, count) {
    return createSampleSource({
      count,
      xShape: [FEATURES],
      yShape: [CLASSES],
      fill(index, x, y) {
        const random = sampleRandom(seed, index);
        for (let i = 0; i < FEATURES; i++) x[i] = random() * 2 - 1;
        oneHot(y, (dot(W1, x) > 0 ? 1 : 0) + (dot(W2, x) > 0 ? 2 : 0));
      },
    });
  },
};
