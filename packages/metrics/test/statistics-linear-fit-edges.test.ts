import { describe, expect, it } from "vitest";
import { linearFit, tCritical99 } from "../src/index.js";

// Known values (moved from the harness's analysis tests, where this fit was leastSquares).
describe("linearFit known values", () => {
  it("recovers slope and intercept of an exact line with zero slope error", () => {
    const fit = linearFit([1, 2, 3, 4], [5, 7, 9, 11]);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(3, 12);
    expect(fit.slopeStdError).toBe(0);
  });

  it("gives a slope error for scattered points", () => {
    const fit = linearFit([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]);
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.slopeStdError).toBeGreaterThan(0.2);
  });
});

// One test per edge case of the one least-squares fit (the rules are in src/statistics/linear-fit.ts).
describe("linearFit edge cases", () => {
  it("x and y of different lengths: a RangeError naming both counts", () => {
    expect(() => linearFit([1, 2, 3], [1, 2])).toThrow(/3 x values but 2 y values/);
  });

  it("no points: slope 0, no intercept, an infinitely uncertain slope", () => {
    expect(linearFit([], [])).toEqual({ slope: 0, intercept: Number.NaN, residuals: [], slopeStdError: Infinity, n: 0 });
  });

  it("one point: slope 0 through the point, slope unknown", () => {
    expect(linearFit([3], [7])).toEqual({ slope: 0, intercept: 7, residuals: [0], slopeStdError: Infinity, n: 1 });
  });

  it("all x equal: no line, slope 0 and intercept the mean, instead of throwing", () => {
    expect(linearFit([2, 2, 2], [1, 2, 6])).toEqual({ slope: 0, intercept: 3, residuals: [-2, -1, 3], slopeStdError: Infinity, n: 3 });
  });

  it("two points: the exact line, but no residual freedom to measure noise (Infinity, not 0)", () => {
    expect(linearFit([1, 3], [10, 14])).toMatchObject({ slope: 2, intercept: 8, slopeStdError: Infinity, n: 2 });
  });

  it("three points on a large-scale line: float rounding is not noise (standard error 0)", () => {
    const MiB = 2 ** 20;
    const fit = linearFit([3, 4, 5, 6], [180.1 * MiB, 188.1 * MiB, 196.1 * MiB, 204.1 * MiB]);
    expect(fit.slope / MiB).toBeCloseTo(8, 9);
    expect(fit.slopeStdError).toBe(0);
  });
});

describe("t quantiles", () => {
  it("one-sided 99% Student t by degrees of freedom, the normal quantile beyond the table", () => {
    expect(tCritical99(0)).toBe(Infinity);
    expect(tCritical99(1)).toBe(31.82);
    expect(tCritical99(4)).toBe(3.747);
    expect(tCritical99(30)).toBe(2.457);
    expect(tCritical99(200)).toBe(2.326);
  });
});
