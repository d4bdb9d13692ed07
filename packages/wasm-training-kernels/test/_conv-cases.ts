// The option sets each conv kernel is checked with; small shapes keep the suite fast on 2 cores.
import { randomValues, seedFor, sizeOf, tf } from "./_backends.js";
import { pairOf } from "./_dilate.js";

type Pad = "same" | "valid" | number | tf.backend_util.ExplicitPadding;

export interface ConvCase {
  name: string;
  x: [number, number, number, number];
  /** [Fh, Fw] of the filter; channels come from `x` and the case's out channels / multiplier. */
  kernel: [number, number];
  strides: number | [number, number];
  pad: Pad;
  dilations?: number | [number, number];
}

export const CONV_CASES: ConvCase[] = [
  { name: "3x3 stride 1 same", x: [2, 6, 6, 3], kernel: [3, 3], strides: 1, pad: "same" },
  { name: "3x3 stride 1 valid", x: [2, 6, 7, 3], kernel: [3, 3], strides: 1, pad: "valid" },
  { name: "3x3 stride 2 same, even size", x: [2, 8, 8, 3], kernel: [3, 3], strides: 2, pad: "same" },
  { name: "3x3 stride 2 same, odd size", x: [2, 7, 7, 2], kernel: [3, 3], strides: 2, pad: "same" },
  { name: "3x3 stride 2 valid, last row unused", x: [2, 8, 8, 3], kernel: [3, 3], strides: 2, pad: "valid" },
  { name: "1x1 stride 1", x: [2, 5, 5, 3], kernel: [1, 1], strides: 1, pad: "valid" },
  { name: "1x1 stride 2", x: [2, 7, 7, 3], kernel: [1, 1], strides: 2, pad: "same" },
  { name: "3x2 kernel, strides [2,1], same", x: [2, 7, 6, 2], kernel: [3, 2], strides: [2, 1], pad: "same" },
  { name: "5x1 kernel valid", x: [3, 9, 4, 2], kernel: [5, 1], strides: 1, pad: "valid" },
  { name: "4x4 kernel stride 3 same", x: [2, 10, 9, 2], kernel: [4, 4], strides: 3, pad: "same" },
  { name: "numeric pad 1, stride 2", x: [2, 7, 8, 2], kernel: [3, 3], strides: 2, pad: 1 },
  {
    name: "explicit asymmetric pad",
    x: [2, 6, 6, 2],
    kernel: [3, 3],
    strides: 1,
    pad: [
      [0, 0],
      [2, 0],
      [1, 3],
      [0, 0],
    ],
  },
  { name: "batch 1", x: [1, 6, 6, 4], kernel: [3, 3], strides: 1, pad: "same" },
];

/** Depthwise-only: dilation (the forward op allows it when strides are 1). */
export const DILATED_CASES: ConvCase[] = [
  { name: "3x3 dilation 2 same", x: [2, 8, 8, 2], kernel: [3, 3], strides: 1, pad: "same", dilations: 2 },
  { name: "3x3 dilation 2 valid", x: [2, 9, 8, 2], kernel: [3, 3], strides: 1, pad: "valid", dilations: 2 },
  { name: "3x2 dilations [2,3] same", x: [2, 8, 9, 2], kernel: [3, 2], strides: 1, pad: "same", dilations: [2, 3] },
];

/** The depthwise gradients' cases: every conv case, and the dilated ones, with each channel multiplier. */
export const DEPTHWISE_CASES = [...CONV_CASES, ...DILATED_CASES].flatMap((c) => [1, 2, 3].map((multiplier) => ({ ...c, multiplier })));

/**
 * A depthwise case's forward convolution and seeded values for its x, filter and dy (each gradient takes
 * two of them); `seed`, named after the test and the case, replays them.
 */
export function depthwiseOperands(test: string, c: (typeof DEPTHWISE_CASES)[number]) {
  const filterShape: [number, number, number, number] = [...c.kernel, c.x[3], c.multiplier];
  const dilations = pairOf(c.dilations);
  const info = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.strides, dilations, c.pad, undefined, true);
  const seed = seedFor(`${test} ${c.name} ${c.multiplier}`);
  const values = {
    x: randomValues(sizeOf(c.x), seed),
    filter: randomValues(sizeOf(filterShape), seed + 1),
    dy: randomValues(sizeOf(info.outShape), seed + 2),
  };
  return { filterShape, dilations, info, seed, ...values };
}
