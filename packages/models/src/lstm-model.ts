import * as tfl from "@tensorflow/tfjs-layers";
import { createSampleSource, gaussian, sampleRandom } from "@keras-mem-bench/pipelines";
import type { ModelSpec } from "./model-spec.js";
import { classifier, oneHot, seededInitializers } from "./_seeded.js";

const STEPS = 16;
const CHANNELS = 2;
const CLASSES = 3; // falling, flat, rising
const UNITS = 32;

/** `lstm`: sequence classification; channel 0 trends down, not at all, or up under noise, channel 1 is a distractor. */
export const lstmModel: ModelSpec = {
  family: "lstm",
  description: `LSTM(${UNITS}) over ${STEPS} steps × ${CHANNELS} channels → dense ${CLASSES} (softmax); class = trend of channel 0 (falling, flat, rising)`,
  inputShape: [STEPS, CHANNELS],
  targetShape: [CLASSES],
  classes: CLASSES,
  build(seed) {
    const init = seededInitializers(seed);
    return classifier(
      [
        // Glorot rather than Keras' orthogonal recurrent default: tfjs warns on orthogonal above 2000
        // elements (32×128 here) and runs a QR per build; the memory being measured does not change.
        tfl.layers.lstm({
          inputShape: [STEPS, CHANNELS],
          units: UNITS,
          kernelInitializer: init.glorot(),
          recurrentInitializer: init.glorot(),
        }),
        tfl.layers.dense({ units: CLASSES, activation: "softmax", kernelInitializer: init.glorot() }),
      ],
      0.01,
    );
  },
  samples(seed, count) {
    return createSampleSource({
      count,
      xShape: [STEPS, CHANNELS],
      yShape: [CLASSES],
      fill(index, x, y) {
        const random = sampleRandom(seed, index);
        const label = Math.floor(random() * CLASSES);
        const slope = (label - 1) * (0.03 + 0.05 * random()); // total change 0.45–1.2 over the sequence, or none
        const offset = random() - 0.5;
        for (let t = 0; t < STEPS; t++) {
          x[t * CHANNELS] = offset + slope * t + 0.1 * gaussian(random);
          x[t * CHANNELS + 1] = 0.5 * gaussian(random);
        }
        oneHot(y, label);
      },
    });
  },
};
