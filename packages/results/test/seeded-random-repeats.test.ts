import { expect, it } from "vitest";
import { mulberry32 } from "../src/index.js";

it("mulberry32 repeats for a seed, differs across seeds and stays in [0, 1)", () => {
  const draw = (seed: number) => {
    const random = mulberry32(seed);
    return Array.from({ length: 1000 }, () => random());
  };
  expect(draw(42)).toEqual(draw(42));
  expect(draw(42)).not.toEqual(draw(43));
  const values = draw(42);
  expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...values)).toBeLessThan(1);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  expect(mean).toBeGreaterThan(0.45);
  expect(mean).toBeLessThan(0.55);
});
