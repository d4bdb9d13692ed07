import { expect, it } from "vitest";
import { createSampleSource, mixSeed, sampleRandom } from "../src/index.js";
import { tinySource } from "./_tiny.js";

it("keys sample streams by seed and index", () => {
  expect(sampleRandom(1, 5)()).toBe(sampleRandom(1, 5)());
  expect(sampleRandom(1, 5)()).not.toBe(sampleRandom(1, 6)());
  expect(sampleRandom(1, 5)()).not.toBe(sampleRandom(2, 5)());
  expect(mixSeed(0, 0)).not.toBe(mixSeed(0, 1));
  expect(() => mixSeed(1.5, 0)).toThrow("mixSeed needs integers, got seed=1.5");
});

it("sample sources give the same values for the same index in any order", () => {
  const source = tinySource(50);
  const forward = Array.from({ length: 50 }, (_, i) => source.sample(i));
  const backward = Array.from({ length: 50 }, (_, i) => source.sample(49 - i)).reverse();
  expect(backward).toEqual(forward);
  expect(tinySource(50, 8).sample(0)).not.toEqual(forward[0]);
});

it("sample sources reject bad indices and shapes, naming them", () => {
  expect(() => tinySource(4).sample(4)).toThrow("sample index 4 is outside 0..3");
  expect(() => createSampleSource({ count: 0, xShape: [1], yShape: [1], fill() {} })).toThrow("count must be a positive integer, got 0");
  expect(() => createSampleSource({ count: 1, xShape: [2, 0], yShape: [1], fill() {} })).toThrow(
    "xShape must be non-empty positive integers, got [2, 0]",
  );
});
