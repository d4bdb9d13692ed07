// The step peak is the high-water mark of the engine's live tensor bytes between onBatchBegin and onBatchEnd.
// For one Dense layer (F inputs, U units, no bias, linear) trained with SGD on mean squared error, fit's step on
// the cpu backend holds, at its peak, these tensor handles besides what was live before it (float32, 4 bytes):
// - 4 of the batch's input size B×F: the gathered batch, the [1,B,F] view the forward matMul makes of it, and
//   the two views (3D and 2D) the backward pass makes to compute the weight gradient;
// - 12 of the output size B×U: the gathered targets, the prediction (3D and 2D), prediction − target, its
//   square, and the chain of gradients back through them to the matMul (3D and 2D);
// - 4 per-sample vectors of B: the batch's index slice, the per-sample loss and their gradients;
// - 4 of the weight size F×U: the weight's gradient (3D and 2D), and the matMul's 3D view of the weight in the
//   forward and backward passes;
// - 2 scalars: the loss and the mean's divisor.
// So activation = 4 × (B × (4F + 12U + 4) + 4FU + 2) bytes. The engine counts every handle, even views that
// share a buffer, so these are its figures, exactly as tf.memory().numBytes would show them mid-step.
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { StepCallback } from "../src/child/step-callback.js";
import { EpochStepPeaksAccumulator, StepPeakMeter, type StepPeak } from "../src/child/step-peak.js";

const handAccounted = (B: number, F: number, U: number) => 4 * (B * (4 * F + 12 * U + 4) + 4 * F * U + 2);

let meter: StepPeakMeter | undefined;

beforeAll(async () => {
  await tf.setBackend("cpu");
  await tf.ready();
});

afterEach(() => {
  meter?.stop();
  tf.disposeVariables();
});

/** Trains a one-layer model for `epochs` full-batch epochs and returns each step's figures. */
async function stepsOf(B: number, F: number, U: number, epochs = 2): Promise<StepPeak[]> {
  const model = tfl.sequential({ layers: [tfl.layers.dense({ units: U, useBias: false, inputShape: [F], kernelInitializer: "ones" })] });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError" });
  const xs = tf.ones([B, F]);
  const ys = tf.zeros([B, U]);
  meter = new StepPeakMeter();
  const steps: StepPeak[] = [];
  const live = meter;
  meter.start();
  await model.fit(xs, ys, {
    batchSize: B,
    epochs,
    shuffle: false,
    verbose: 0,
    callbacks: [
      new StepCallback(
        () => live.beginStep(),
        () => steps.push(live.read()),
      ),
    ],
  });
  meter.stop();
  xs.dispose();
  ys.dispose();
  model.dispose();
  return steps;
}

describe("step peak of a Dense layer on cpu", () => {
  it.each([
    [4, 8, 1],
    [8, 8, 1],
    [4, 16, 3],
    [32, 10, 2],
  ])("B=%i, F=%i, U=%i: the peak is what was live at the start plus the hand-counted step", async (B, F, U) => {
    const steps = await stepsOf(B, F, U);
    expect(steps).toHaveLength(2);
    for (const step of steps) {
      expect(step.peakBytes - step.startBytes).toBe(handAccounted(B, F, U));
      // What was live when the step began: the weights F×U and the whole arrays (B×F inputs, B×U targets) at least.
      expect(step.startBytes).toBeGreaterThanOrEqual(4 * (F * U + B * F + B * U));
    }
  });

  it("is the same on every run of the same step, and doubling the batch adds the per-sample bytes exactly", async () => {
    const first = await stepsOf(16, 8, 2);
    const again = await stepsOf(16, 8, 2);
    expect(again.map((s) => s.peakBytes - s.startBytes)).toEqual(first.map((s) => s.peakBytes - s.startBytes));
    const doubled = await stepsOf(32, 8, 2);
    expect(doubled[0]!.peakBytes - doubled[0]!.startBytes - (first[0]!.peakBytes - first[0]!.startBytes)).toBe(
      16 * 4 * (4 * 8 + 12 * 2 + 4),
    );
  });

  it("keeps the epoch's largest step figures and starts afresh after take()", () => {
    const epoch = new EpochStepPeaksAccumulator();
    epoch.add({ startBytes: 100, peakBytes: 900, peakTensors: 10 });
    epoch.add({ startBytes: 500, peakBytes: 1000, peakTensors: 8 });
    expect(epoch.take()).toEqual({ stepPeakBytes: 1000, stepPeakTensors: 10, activationBytes: 800 });
    expect(epoch.take()).toBeNull();
  });
});
