import { beforeAll, describe, expect, it } from "vitest";
import { DEPTHWISE_CASES, depthwiseOperands } from "./_conv-cases.js";
import { compareKernel, initBackends, tf, TOLERANCE } from "./_backends.js";
import { dilateFilter } from "./_dilate.js";

beforeAll(initBackends);

describe("DepthwiseConv2dNativeBackpropInput on wasm matches cpu", () => {
  it.each(DEPTHWISE_CASES)("$name, channel multiplier $multiplier", async (c) => {
    const { filterShape, dilations, info, seed, dy, filter } = depthwiseOperands("dw-input", c);
    const inputs = () => ({ dy: tf.tensor4d(dy, info.outShape), filter: tf.tensor4d(filter, filterShape) });
    const attrs = { strides: c.strides, pad: c.pad, dilations, inputShape: c.x };
    const reference = () =>
      tf
        .engine()
        .runKernel(
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
