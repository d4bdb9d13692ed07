import "@tensorflow/tfjs-backend-cpu";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OriginTally } from "../src/cell-protocol.js";
import { TensorOriginTracker } from "../src/child/tensor-origins.js";
import { engineHooksInstalled, tf, tfl } from "../src/index.js";

// In this process, on the cpu backend: what the cell's process does around each epoch, without a child.
const tracker = new TensorOriginTracker();
const kept: tf.Tensor[] = [];

class KeepsIntermediate extends tfl.layers.Layer {
  static readonly className = "KeepsIntermediate";
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const doubled = tf.mul(x, 2);
    kept.push(tf.keep(tf.relu(doubled)));
    return doubled;
  }
}

function find(tallies: OriginTally[], where: Partial<OriginTally>): OriginTally | undefined {
  return tallies.find((t) => Object.entries(where).every(([k, v]) => t[k as keyof OriginTally] === v));
}

let epochEnds: OriginTally[][] = [];

beforeAll(async () => {
  await tf.setBackend("cpu");
  tracker.start();
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [4], units: 8, name: "first" }),
      new KeepsIntermediate({ name: "keeper" }),
      tfl.layers.dense({ units: 1, name: "out" }),
    ],
  });
  model.compile({ optimizer: "adam", loss: "meanSquaredError" });
  tracker.wrapOptimizer(model.optimizer);
  const xs = tf.ones([16, 4]);
  const ys = tf.zeros([16, 1]);
  const callback = new tfl.CustomCallback(tracker.wrapCallbackFunctions({ onEpochEnd: async () => void kept.push(tf.scalar(7)) }));
  tracker.trainingStarted();
  for (let epoch = 1; epoch <= 3; epoch++) {
    tracker.setTraining(true);
    kept.push(tf.tensor1d([1, 2, 3])); // what a pipeline keeping a batch would do
    await model.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0, callbacks: [callback] });
    // Gradients returned to the caller and never disposed: made in the backward pass.
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(model.getWeights()[0]!)), [model.getWeights()[0] as tf.Variable]);
    kept.push(...Object.values(grads));
    tracker.setTraining(false);
    epochEnds.push(tracker.epochEnd());
  }
}, 120_000);

afterAll(() => {
  tracker.stop();
  tf.dispose(kept);
  epochEnds = [];
});

describe("tensor origins", () => {
  it("a custom layer keeping an intermediate: that layer by name and class, the op, the forward pass", () => {
    // 2 batches per epoch, one kept per call.
    expect(epochEnds.map((t) => find(t, { layer: "keeper", phase: "forward" })?.count)).toEqual([2, 4, 6]);
    expect(find(epochEnds[2]!, { layer: "keeper" })).toMatchObject({ layerClass: "KeepsIntermediate", op: "relu", bytes: 6 * 8 * 8 * 4 });
  });

  it("a callback keeping one tensor per epoch: the callback", () => {
    expect(epochEnds.map((t) => find(t, { phase: "callback" })?.count)).toEqual([1, 2, 3]);
    expect(find(epochEnds[0]!, { phase: "callback" })).toMatchObject({ op: "tensor", layer: null, layerClass: null, bytes: 4 });
  });

  it("a tensor made while the epoch trains, outside the model: the pipeline", () => {
    expect(epochEnds.map((t) => find(t, { phase: "pipeline" })?.count)).toEqual([1, 2, 3]);
  });

  it("gradients kept after the backward pass: backward", () => {
    expect(epochEnds.map((t) => find(t, { phase: "backward" })?.count)).toEqual([1, 2, 3]);
  });

  it("the optimizer's slots: made once by the optimizer update, kept across assigns", () => {
    const slots = epochEnds.map((t) => find(t, { phase: "optimizer", op: "variable" })?.count);
    // Adam: two moments per weight tensor (4 weights) from the first step on, neither more nor fewer later.
    expect(slots).toEqual([8, 8, 8]);
  });

  it("weights made before training are not counted; stop() leaves the engine as it was", () => {
    expect(epochEnds[2]!.some((t) => t.layer === "first" || t.layer === "out")).toBe(false);
    expect(epochEnds[2]!.every((t) => t.phase !== "setup")).toBe(true);
    const apply = tfl.layers.Layer.prototype.apply;
    const spare = new TensorOriginTracker();
    spare.start();
    expect(tfl.layers.Layer.prototype.apply).not.toBe(apply);
    spare.stop();
    expect(tfl.layers.Layer.prototype.apply).toBe(apply);
    expect(engineHooksInstalled()).toBe(true); // the tracker under test still listens
  });
});
