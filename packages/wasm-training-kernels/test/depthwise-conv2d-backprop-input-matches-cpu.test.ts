import { beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_MULTIPLIERS, CONV_CASES, DILATED_CASES } from "./_conv-cases.js";
import { compareKernel, initBackends, randomValues, seedFor, sizeOf, tf, TOLERANCE } from "./_backends.js";
import { dilateFilter, pairOf } from "./_dilate.js";

beforeAll(initBackends);

const cases = [...CONV_CASES, ...DILATED_CASES].flatMap((c) => CHANNEL_MULTIPLIERS.map((multiplier) => ({ ...c, multiplier })));

describe("DepthwiseConv2dNativeBackpropInput on wasm matches cpu", () => {
  it.each(cases)("$name, channel multiplier $multiplier", async (c) => {
    const filterShape: [number, number, number, number] = [...c.kernel, c.x[3], c.multiplier];
    const dilations = pairOf(c.dilations);
    const info = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.strides, dilations, c.pad, undefined, true);
    const seed = seedFor(`dw-input ${c.name} ${c.multiplier}`);
    const dy = randomValues(sizeOf(info.outShape), seed);
    const filter = randomValues(sizeOf(filterShape), seed + 1);
    const inputs = () => ({ dy: tf.tensor4d(dy, info.outShape), filter: tf.tensor4d(filter, filterShape) });
    const attrs = { strides: c.strides, pad: c.pad, dilations, inputShape: c.x };
    const reference = () =>
      tf.engine().runKernel(
        "DepthwiseConv2dNativeBackpropInput",
        { dy: tf.tensor4d(dy, info.outShape), filter: dilateFilter(tf.tensor4d(filter, filterShape), dilations) },
        { ...attrs, dilations: 1 },
      ) as tf.Tensor;
    const result = await compareKernel("DepthwiseConv2dNativeBackpropInput", inputs, attrs, reference);
    expect(result.shape).toEqual(c.x);
    expect(result.error, `seed ${seed}`).toBeLessThanOrEqual(TOLERANCE);
    expect(result.leakedDataIds).toBe(0);
  });
});
