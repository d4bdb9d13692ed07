// The engine hooks see every tensor handle made and disposed — plain tensors, kernel outputs inside a
// tidy, variables and their assigns — with the bytes the engine itself counts, and leave no trace once
// the last listener is gone.
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { engineHooksInstalled, liveTensors, onTensorDisposed, onTensorMade, type Unsubscribe } from "../src/child/engine-hooks.js";

interface Seen {
  id: number;
  bytes: number;
  dtype: string;
  shape: number[];
}

const subscriptions: Unsubscribe[] = [];

function record(): { made: Seen[]; disposed: Seen[] } {
  const made: Seen[] = [];
  const disposed: Seen[] = [];
  subscriptions.push(onTensorMade((t, bytes) => made.push({ id: t.id, bytes, dtype: t.dtype, shape: [...t.shape] })));
  subscriptions.push(onTensorDisposed((t, bytes) => disposed.push({ id: t.id, bytes, dtype: t.dtype, shape: [...t.shape] })));
  return { made, disposed };
}

beforeAll(async () => {
  await tf.setBackend("cpu");
  await tf.ready();
});

afterEach(() => {
  for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
});

describe("engine tensor hooks", () => {
  it("report a tensor's id, dtype, shape and engine bytes when made and when disposed", () => {
    const { made, disposed } = record();
    const t = tf.zeros([3, 5], "float32");
    const mask = tf.ones([7], "bool");
    expect(made).toEqual([
      { id: t.id, bytes: 60, dtype: "float32", shape: [3, 5] },
      { id: mask.id, bytes: 7, dtype: "bool", shape: [7] },
    ]);
    t.dispose();
    t.dispose(); // a second dispose is not a second disposal
    mask.dispose();
    expect(disposed).toEqual([
      { id: t.id, bytes: 60, dtype: "float32", shape: [3, 5] },
      { id: mask.id, bytes: 7, dtype: "bool", shape: [7] },
    ]);
  });

  it("report 0 bytes for a string tensor, made and disposed (the engine counts its bytes apart)", () => {
    const { made, disposed } = record();
    const words = tf.tensor1d(["a", "bcd"], "string");
    const numbers = tf.zeros([2], "int32");
    words.dispose();
    numbers.dispose();
    expect(made.map((m) => [m.dtype, m.bytes])).toEqual([
      ["string", 0],
      ["int32", 8],
    ]);
    expect(disposed.map((d) => [d.dtype, d.bytes])).toEqual([
      ["string", 0],
      ["int32", 8],
    ]);
  });

  it("see kernel outputs made and freed inside a tidy, and the bytes add up to tf.memory()", () => {
    const before = tf.memory().numBytes;
    const { made, disposed } = record();
    let live = 0;
    subscriptions.push(onTensorMade((_, bytes) => (live += bytes)));
    subscriptions.push(onTensorDisposed((_, bytes) => (live -= bytes)));
    const kept = tf.tidy(() => {
      const x = tf.ones([4, 8]); // 128 bytes
      const y = tf.add(tf.mul(x, 2), 1); // two kernel outputs, 128 bytes each
      return tf.sum(y, 1); // [4] float32: 16 bytes, survives the tidy
    });
    expect(made.map((m) => m.bytes)).toEqual([128, 4, 128, 4, 128, 16]); // scalars 2 and 1 are tensors too
    expect(disposed.map((d) => d.bytes).sort((a, b) => a - b)).toEqual([4, 4, 128, 128, 128]);
    expect(live).toBe(16);
    expect(tf.memory().numBytes - before).toBe(live);
    expect(liveTensors().bytes).toBe(tf.memory().numBytes);
    kept.dispose();
  });

  it("see a variable made, each assign (old value out, new one in) and its disposal", () => {
    const { made, disposed } = record();
    const v = tf.variable(tf.zeros([10]));
    const afterMake = made.length;
    tf.tidy(() => v.assign(tf.ones([10])));
    expect(made.filter((m) => m.id === v.id)).toHaveLength(2); // made, then re-registered by assign
    expect(disposed.filter((d) => d.id === v.id)).toEqual([{ id: v.id, bytes: 40, dtype: "float32", shape: [10] }]);
    expect(made.length).toBeGreaterThan(afterMake);
    v.dispose();
    expect(disposed.filter((d) => d.id === v.id)).toHaveLength(2);
  });

  it("take themselves off the engine when the last listener unsubscribes", () => {
    const engine = tf.engine() as unknown as Record<string, unknown>;
    expect(Object.hasOwn(engine, "trackTensor")).toBe(false);
    const { made } = record();
    expect(engineHooksInstalled()).toBe(true);
    expect(Object.hasOwn(engine, "trackTensor")).toBe(true);
    for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
    expect(engineHooksInstalled()).toBe(false);
    expect(Object.hasOwn(engine, "trackTensor")).toBe(false);
    expect(Object.hasOwn(engine, "disposeTensor")).toBe(false);
    tf.zeros([2]).dispose();
    expect(made).toEqual([]);
  });
});
