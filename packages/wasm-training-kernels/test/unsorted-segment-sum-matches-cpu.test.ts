import { beforeAll, describe, expect, it } from "vitest";
import { compareKernel, initBackends, randomValues, seedFor, sizeOf, tf, TOLERANCE } from "./_backends.js";

beforeAll(initBackends);

interface SegmentCase {
  name: string;
  x: number[];
  /** Leading dims of x that the ids index. */
  idDims: number;
  numSegments: number;
  /** Ids are drawn from [low, high). */
  low: number;
  high: number;
  dtype: "float32" | "int32";
}

const cases: SegmentCase[] = [
  { name: "embedding-style rows, many repeats", x: [40, 5], idDims: 1, numSegments: 7, low: 0, high: 7, dtype: "float32" },
  { name: "some segments empty", x: [12, 3], idDims: 1, numSegments: 30, low: 0, high: 30, dtype: "float32" },
  { name: "1-D x", x: [25], idDims: 1, numSegments: 4, low: 0, high: 4, dtype: "float32" },
  { name: "rank-3 x", x: [9, 2, 3], idDims: 1, numSegments: 5, low: 0, high: 5, dtype: "float32" },
  // TensorFlow's contract; cpu mis-broadcasts rank-2 ids, so its reference is the flattened equivalent.
  { name: "2-D ids over the leading dims", x: [4, 6, 3], idDims: 2, numSegments: 6, low: 0, high: 6, dtype: "float32" },
  { name: "ids out of range are dropped", x: [30, 4], idDims: 1, numSegments: 5, low: -3, high: 9, dtype: "float32" },
  { name: "int32 values", x: [20, 3], idDims: 1, numSegments: 6, low: 0, high: 6, dtype: "int32" },
];

describe("UnsortedSegmentSum on wasm matches cpu", () => {
  it.each(cases)("$name", async (c) => {
    const seed = seedFor(`segment-sum ${c.name}`);
    const idShape = c.x.slice(0, c.idDims);
    const ids = Int32Array.from(randomValues(sizeOf(idShape), seed), (u) => c.low + Math.floor(((u + 1) / 2) * (c.high - c.low)));
    const raw = randomValues(sizeOf(c.x), seed + 1);
    const x = c.dtype === "int32" ? Int32Array.from(raw, (v) => Math.round(v * 100)) : raw;
    const rowShape = c.x.slice(c.idDims);
    const flattened = () =>
      tf.unsortedSegmentSum(tf.tensor(x, [ids.length, ...rowShape], c.dtype), tf.tensor1d(ids, "int32"), c.numSegments);
    const result = await compareKernel(
      "UnsortedSegmentSum",
      () => ({ x: tf.tensor(x, c.x, c.dtype), segmentIds: tf.tensor(ids, idShape, "int32") }),
      { numSegments: c.numSegments },
      flattened,
    );
    expect(result.shape).toEqual([c.numSegments, ...rowShape]);
    expect(result.error, `seed ${seed}`).toBeLessThanOrEqual(TOLERANCE);
    expect(result.leakedDataIds).toBe(0);
  });

  it("adds every row that shares an id", async () => {
    await tf.setBackend("wasm");
    const out = tf.unsortedSegmentSum(
      tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ]),
      tf.tensor1d([2, 0, 2, 2], "int32"),
      3,
    );
    expect(await out.array()).toEqual([
      [3, 4],
      [0, 0],
      [13, 16],
    ]);
    out.dispose();
  });
});
