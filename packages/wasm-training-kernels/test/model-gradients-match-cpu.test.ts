import { beforeAll, describe, expect, it } from "vitest";
import { initBackends, randomValues, relativeL2, seedFor, sizeOf, tf, TOLERANCE, valuesOn } from "./_backends.js";

beforeAll(initBackends);

const BATCH = 3;
const VOCAB = 11;
const SEQ = 5;
// Every gradient path the package adds: conv (stride 2), depthwise (multiplier 2, stride 2),
// separable (depthwise + 1x1 pointwise), and an embedding lookup.
const SHAPES = {
  x: [BATCH, 9, 9, 2],
  conv: [3, 3, 2, 4],
  depthwise: [3, 3, 4, 2],
  separableDepthwise: [2, 2, 8, 1],
  separablePointwise: [1, 1, 8, 3],
  table: [VOCAB, 3],
} as const;
const NAMES = Object.keys(SHAPES) as Array<keyof typeof SHAPES>;

function loss(ids: tf.Tensor2D, target: tf.Tensor2D) {
  return (x: tf.Tensor, conv: tf.Tensor, depthwise: tf.Tensor, sepDw: tf.Tensor, sepPw: tf.Tensor, table: tf.Tensor): tf.Scalar => {
    const h1 = tf.relu(tf.conv2d(x as tf.Tensor4D, conv as tf.Tensor4D, 2, "same"));
    const h2 = tf.depthwiseConv2d(h1, depthwise as tf.Tensor4D, 2, "same");
    const h3 = tf.separableConv2d(h2, sepDw as tf.Tensor4D, sepPw as tf.Tensor4D, 1, "valid");
    const image = tf.mean(h3, [1, 2]);
    const words = tf.mean(tf.gather(table, ids), 1);
    return tf.sum(tf.square(tf.sub(tf.add(image, words), target)));
  };
}

describe("the whole gradient of a small conv + depthwise + separable + embedding model", () => {
  it("is the same on wasm as on cpu, for every weight and the input", async () => {
    const seed = seedFor("model gradients");
    const values = NAMES.map((name, i) => randomValues(sizeOf(SHAPES[name]), seed + i));
    const ids = Int32Array.from(randomValues(BATCH * SEQ, seed + 10), (u) => Math.floor(((u + 1) / 2) * VOCAB));
    const target = randomValues(BATCH * 3, seed + 11);
    const grads = () => {
      const f = loss(tf.tensor2d(ids, [BATCH, SEQ], "int32"), tf.tensor2d(target, [BATCH, 3]));
      const args = NAMES.map((name, i) => tf.tensor(values[i]!, [...SHAPES[name]]));
      return tf.grads(f as (...a: tf.Tensor[]) => tf.Tensor)(args);
    };
    const expected = await valuesOn("cpu", grads);
    await tf.setBackend("wasm");
    const before = tf.engine().backend.numDataIds();
    const actual = await valuesOn("wasm", grads);

    const errors = Object.fromEntries(NAMES.map((name, i) => [name, relativeL2(actual[i]!, expected[i]!)]));
    if (process.env["KMB_PRINT"]) console.log(JSON.stringify(errors));
    for (const name of NAMES) expect(errors[name], `${name} (seed ${seed})`).toBeLessThanOrEqual(TOLERANCE);
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });
});
