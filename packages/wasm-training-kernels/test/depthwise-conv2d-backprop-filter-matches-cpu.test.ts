import { beforeAll, describe, expect, it } from "vitest";
import { DEPTHWISE_CASES, depthwiseOperands } from "./_conv-cases.js";
import { compareKernel, initBackends, tf, TOLERANCE } from "./_backends.js";
import { undilateFilter } from "./_dilate.js";

beforeAll(initBackends);

describe("DepthwiseConv2dNativeBackpropFilter on wasm matches cpu", () => {
  it.each(DEPTHWISE_CASES)("$name, channel multiplier $multiplier", async (c) => {
    const { filterShape, dilations, info, seed, x, dy } = depthwiseOperands("dw-filter", c);
    const inputs = () => ({ x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, info.outShape) });
    const attrs = { strides: c.strides, pad: c.pad, dilations, filterShape };
    const effective: [number, number, number, number] = [info.effectiveFilterHeight, info.effectiveFilterWidth, c.x[3], c.multiplier];
    const reference = () =>
      undilateFilter(
        tf
          .engine()
          .runKernel("DepthwiseConv2dNativeBackpropFilter", inputs(), { ...attrs, dilations: 1, filterShape: effective }) as tf.Tensor4D,
        dilations,
      );
    const result = await compareKernel("DepthwiseConv2dNativeBackpropFilter", inputs, attrs, reference);
    expect(result.shape).toEqual(filterShape);
    expect(result.error, `seed ${seed}`).toBeLessThanOrEqual(TOLERANCE);
    expect(result.leakedDataIds).toBe(0);
  });
});
