import { describe, expect, it } from "vitest";
import { RSS_ONLY_GROWTH_FLOOR, rssOnlyGrowthFloor, typicalStep } from "../src/index.js";

const MiB = 2 ** 20;

describe("typicalStep", () => {
  it("is the median epoch-to-epoch change: one allocator jump hardly moves it, a steady rise does", () => {
    // A clean compiled cell's RSS (MiB): creeping, with one 6 MiB jump.
    expect(typicalStep([3, 4, 5, 6, 7, 8], [97.75, 99.5, 101.5, 107.75, 108, 108])).toBeCloseTo(1.75, 9);
    expect(typicalStep([3, 4, 5, 6], [100, 110, 120, 130])).toBe(10);
  });

  it("divides by the epoch gap and is 0 with fewer than two readings", () => {
    expect(typicalStep([2, 4, 6], [0, 8, 16])).toBe(4);
    expect(typicalStep([3], [100])).toBe(0);
    expect(typicalStep([], [])).toBe(0);
  });
});

describe("rssOnlyGrowthFloor", () => {
  it("is 6 MiB for a quick cell's RSS, and 3% of the level for a large process", () => {
    expect(rssOnlyGrowthFloor(110 * MiB)).toBe(6 * MiB);
    expect(rssOnlyGrowthFloor(1000 * MiB)).toBeCloseTo(30 * MiB, 6);
    expect(rssOnlyGrowthFloor(110 * MiB, { ...RSS_ONLY_GROWTH_FLOOR, minStepBytes: 8 * MiB })).toBe(8 * MiB);
  });
});
