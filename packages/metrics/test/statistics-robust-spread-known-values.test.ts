import { describe, expect, it } from "vitest";
import { linearFit, median, medianAbsoluteDeviation, residualSpread, theilSenFit } from "../src/index.js";

describe("robust spread", () => {
  it("median and MAD of textbook series", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });

  it("least squares slope and its standard error", () => {
    const fit = linearFit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(fit.slope).toBeCloseTo(0.6, 12);
    expect(fit.intercept).toBeCloseTo(2.2, 12);
    expect(fit.slopeStdError).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(linearFit([1, 2, 3], [3, 5, 7])).toMatchObject({ slope: 2, slopeStdError: 0 });
  });

  it("takes the trend out before measuring scatter, and shrugs off one outlier", () => {
    const growing = [100, 110, 120, 130, 140, 150];
    expect(residualSpread(growing)).toBeCloseTo(0, 9);
    // Theil-Sen: median pairwise slope 0.125, intercept 99.8125; 1.4826 × MAD of residuals = 1.297275
    // (checked with numpy). Least squares would tilt towards the 160 and report a scatter above 15.
    const noisy = [100, 101, 99, 100, 101, 99, 100, 160];
    expect(
      theilSenFit(
        noisy.map((_, k) => k),
        noisy,
      ),
    ).toEqual({ slope: 0.125, intercept: 99.8125 });
    expect(residualSpread(noisy)).toBeCloseTo(1.297275, 6);
    expect(residualSpread([5, 9])).toBe(0);
  });
});
