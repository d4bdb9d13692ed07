// Reference p-values from scipy.stats.mannwhitneyu 1.17.1 (alternative="two-sided", use_continuity=True),
// and exact counts that can be checked by hand.
import { describe, expect, it } from "vitest";
import { erfc, exactUCounts, mannWhitneyU, midranks, smallestExactPValue } from "../src/index.js";

describe("Mann-Whitney U", () => {
  it("counts arrangements of U exactly (2 vs 2: 1,1,2,1,1 of C(4,2) = 6)", () => {
    expect(exactUCounts(2, 2)).toEqual([1, 1, 2, 1, 1]);
    const counts = exactUCounts(6, 6);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(924);
    expect(counts).toEqual([...counts].reverse());
  });

  it("matches scipy's exact p-values on separated and interleaved samples", () => {
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).pValue).toBeCloseTo(0.1, 12);
    const sep = mannWhitneyU([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]);
    expect(sep).toMatchObject({ method: "exact", uA: 0, uB: 36 });
    expect(sep.pValue).toBeCloseTo(0.0021645021645021645, 12);
    const mixed = mannWhitneyU([19.1, 20.3, 18.7, 21.0, 19.8, 20.1, 19.5], [21.4, 22.0, 20.9, 22.8, 21.7, 23.1]);
    expect(mixed.uA).toBe(1);
    expect(mixed.pValue).toBeCloseTo(0.002331002331002331, 12);
  });

  it("matches scipy's normal approximation with tie and continuity corrections", () => {
    const ties = mannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [3, 4, 4, 5, 5, 6, 6, 7, 8]);
    expect(ties).toMatchObject({ method: "normal", uA: 7.5 });
    expect(ties.pValue).toBeCloseTo(0.006373133838085873, 6);
    const forced = mannWhitneyU([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], { method: "normal" });
    expect(forced.pValue).toBeCloseTo(0.005074868097940253, 6);
    const large = mannWhitneyU(
      Array.from({ length: 30 }, (_, i) => i + 1),
      Array.from({ length: 25 }, (_, i) => i + 8.5),
    );
    expect(large).toMatchObject({ method: "normal", uA: 253 });
    expect(large.pValue).toBeCloseTo(0.04000233106564058, 6);
  });

  it("is symmetric in its samples and gives p = 1 when every value ties", () => {
    const a = [3.1, 2.7, 4.4, 3.9];
    const b = [5.2, 4.8, 3.3, 6.1, 5.5];
    expect(mannWhitneyU(a, b).pValue).toBeCloseTo(mannWhitneyU(b, a).pValue, 12);
    expect(mannWhitneyU([2, 2, 2], [2, 2]).pValue).toBe(1);
  });

  it("refuses empty or non-finite samples and an exact test with ties", () => {
    expect(() => mannWhitneyU([], [1])).toThrow(/non-empty/);
    expect(() => mannWhitneyU([1, Number.NaN], [1])).toThrow(/finite/);
    expect(() => mannWhitneyU([1, 2], [2, 3], { method: "exact" })).toThrow(/ties/);
  });

  it("knows the smallest p the exact test can reach", () => {
    expect(smallestExactPValue(2, 2)).toBeCloseTo(1 / 3, 12);
    expect(smallestExactPValue(6, 6)).toBeCloseTo(2 / 924, 12);
  });

  it("ranks ties at their mean rank and computes erfc to 1e-7", () => {
    expect(midranks([10, 20, 20, 30])).toEqual({ ranks: [1, 2.5, 2.5, 4], tieSizes: [2] });
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 7);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 7);
    expect(erfc(2.5)).toBeCloseTo(0.000406952017444959, 9);
  });
});
