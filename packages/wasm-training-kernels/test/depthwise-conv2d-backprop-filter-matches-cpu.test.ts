import { beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_MULTIPLIERS, CONV_CASES, DILATED_CASES } from "./_conv-cases.js";
import { compareKernel, initBackends, randomValues, seedFor, sizeOf, tf, TOLERANCE } from "./_backends.js";
import { pairOf, undilateFilter } from "./_dilate.js";

beforeAll(initBackends);

const cases = [...CONV_CASES, ...DILATED_CASES].flatMap((c) => CHANNEL_MULTIPLIERS.map((multiplier) => ({ ...c, multiplier })));

describe("DepthwiseConv2dNativeBackpropFilter on wasm matches cpu", () => {
  it.each(cases)("$name, channel multiplier $multiplier", async (c) => {
    const filterShape: [number, number, number, number] = [...c.kernel, c.x[3], c.multiplier];
    const dilations = pairOf(c.dilations);
    const info = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.strides, dilations, c.pad, undefined, true);
    const seed = seedFor(`dw-filter ${c.name} ${c.multiplier}`);
    const x = randomValues(sizeOf(c.x), seed);
    const dy = randomValues(sizeOf(info.outShape), seed + 1);
    const inputs = () => ({ x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, info.outShape) });
    const attrs = { strides: c.strides, pad: c.pad, dilations, filterShape };
    const effective: [number, number, number, number] = [info.effectiveFilterHeight, info.effectiveFilterWidth, c.x[3], c.multiplier];
    const reference = () =>
      undilateFilter(
        tf.engine().runKernel("DepthwiseConv2dNativeBackpropFilter", inputs(), { ...attrs, dilations: 1, filterShape: effective }) as tf.Tensor4D,
        dilations,
      );
    const result = await compareKernel("DepthwiseConv2dNativeBackpropFilter", inputs, attrs, reference);
    expect(result.shape).toEqual(filterShape);
    expect(result.error, `seed ${seed}`).toBeLessThanOrEqual(TOLERANCE);
    expect(result.leakedDataIds).toBe(0);
  });
});
