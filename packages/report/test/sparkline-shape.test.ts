import { describe, expect, it } from "vitest";
import { sparkline } from "../src/index.js";

describe("sparkline", () => {
  it("draws the lowest value lowest and the highest highest, one character each", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([5, 5, 5])).toBe("▁▁▁");
    expect(sparkline([])).toBe("");
    expect(sparkline([1, Number.NaN, 3])).toBe("▁ █");
  });

  it("two curves on a shared scale keep their relative heights", () => {
    const scale = { min: 0, max: 100 };
    expect(sparkline([0, 0, 0], scale)).toBe("▁▁▁");
    expect(sparkline([100, 100, 100], scale)).toBe("███");
    expect(sparkline([50], scale)).toBe("▅");
  });
});
