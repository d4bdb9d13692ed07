import * as tfl from "@tensorflow/tfjs-layers";
import { createSampleSource, sampleRandom } from "@keras-mem-bench/pipelines";
import type { ModelSpec } from "./model-spec.js";
import { classifier, oneHot, seededInitializers } from "./_seeded.js";

const SIZE = 16;
const HALF = SIZE / 2;
const CLASSES = 4; // quadrants: top-left, top-right, bottom-left, bottom-right
const FILTERS = [8, 16] as const;
const BLOB = 5;

/** Which quadrant of a SIZE×SIZE image has the largest sum. */
export function brightestQuadrant(image: Float32Array): number {
  const sums = [0, 0, 0, 0];
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) sums[(row < HALF ? 0 : 2) + (col < HALF ? 0 : 1)]! += image[row * SIZE + col]!;
  }
  return sums.indexOf(Math.max(...sums));
}

/** Uniform noise plus one brighter blob inside a random quadrant; the label is the brightest quadrant (nearly always the blob's). */
function quadrantSamples(seed: number, count: number) {
  return createSampleSource({
    count,
    xShape: [SIZE, SIZE, 1],
    yShape: [CLASSES],
    fill(index, x, y) {
      const random = sampleRandom(seed, index);
      for (let i = 0; i < x.length; i++) x[i] = random();
      const quadrant = Math.floor(random() * CLASSES);
      const top = (quadrant >= 2 ? HALF : 0) + Math.floor(random() * (HALF - BLOB + 1));
      const left = (quadrant % 2 === 1 ? HALF : 0) + Math.floor(random() * (HALF - BLOB + 1));
      for (let row = top; row < top + BLOB; row++) {
        for (let col = left; col < left + BLOB; col++) x[row * SIZE + col]! += 0.5;
      }
      oneHot(y, brightestQuadrant(x));
    },
  });
}

function cnn(seed: number, separable: boolean) {
  const init = seededInitializers(seed);
  // One conv stage: a plain 3×3 Conv2D, or its depthwise-separable swap (3×3 depthwise, then 1×1 pointwise).
  const stage = (filters: number, first: boolean): tfl.layers.Layer[] => {
    const input = first ? { inputShape: [SIZE, SIZE, 1] } : {};
    if (!separable) {
      return [
        tfl.layers.conv2d({ ...input, filters, kernelSize: 3, padding: "same", activation: "relu", kernelInitializer: init.glorot() }),
      ];
    }
    return [
      tfl.layers.depthwiseConv2d({ ...input, kernelSize: 3, depthMultiplier: 1, padding: "same", depthwiseInitializer: init.glorot() }),
      tfl.layers.conv2d({ filters, kernelSize: 1, activation: "relu", kernelInitializer: init.glorot() }),
    ];
  };
  return classifier(
    [
      ...stage(FILTERS[0], true),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      ...stage(FILTERS[1], false),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: CLASSES, activation: "softmax", kernelInitializer: init.glorot() }),
    ],
    0.01,
  );
}

const TASK = `class = brightest quadrant of a ${SIZE}×${SIZE}×1 uniform-noise image with one brighter ${BLOB}×${BLOB} blob`;

/** `conv`: the Keras MNIST-style CNN, small: 2 × (Conv2D 3×3 + max-pool 2) → dense softmax. */
export const convModel: ModelSpec = {
  family: "conv",
  description: `CNN Conv2D(${FILTERS[0]},3×3) → pool → Conv2D(${FILTERS[1]},3×3) → pool → dense ${CLASSES}; ${TASK}`,
  inputShape: [SIZE, SIZE, 1],
  targetShape: [CLASSES],
  classes: CLASSES,
  build: (seed) => cnn(seed, false),
  samples: quadrantSamples,
};

/** `depthwise-conv`: the same CNN and task with each Conv2D swapped for DepthwiseConv2D + 1×1 Conv2D. */
export const depthwiseConvModel: ModelSpec = {
  family: "depthwise-conv",
  description: `the conv CNN with each Conv2D → DepthwiseConv2D(3×3) + Conv2D(1×1); ${TASK}`,
  inputShape: [SIZE, SIZE, 1],
  targetShape: [CLASSES],
  classes: CLASSES,
  build: (seed) => cnn(seed, true),
  samples: quadrantSamples,
};
