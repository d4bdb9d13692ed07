import { beforeAll, describe, expect, it } from "vitest";
import { CONV_CASES } from "./_conv-cases.js";
import { compareKernel, initBackends, randomValues, seedFor, sizeOf, tf, TOLERANCE } from "./_backends.js";

beforeAll(initBackends);

describe("Conv2DBackpropFilter on wasm matches cpu", () => {
  it.each(CONV_CASES.flatMap((c) => [1, 4].map((outChannels) => ({ ...c, outChannels }))))(
    "$name, $outChannels out channels",
    async (c) => {
      const filterShape: [number, number, number, number] = [...c.kernel, c.x[3], c.outChannels];
      const info = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.strides, 1, c.pad);
      const seed = seedFor(`conv-filter ${c.name} ${c.outChannels}`);
      const x = randomValues(sizeOf(c.x), seed);
      const dy = randomValues(sizeOf(info.outShape), seed + 1);
      const result = await compareKernel("Conv2DBackpropFilter", () => ({ x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, info.outShape) }), {
        strides: c.strides,
        pad: c.pad,
        dataFormat: "NHWC",
        filterShape,
      });
      expect(result.shape).toEqual(filterShape);
      expect(result.error, `seed ${seed}`).toBeLessThanOrEqual(TOLERANCE);
      expect(result.leakedDataIds).toBe(0);
    },
  );
});
