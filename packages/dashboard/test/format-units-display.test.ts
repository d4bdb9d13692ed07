import { formatBytes, formatDuration, formatNumber, formatPercent, formatValue } from "@keras-mem-bench/metrics";
import { describe, expect, it } from "vitest";
import { displayRange } from "../src/display-range.js";

// The dashboard prints by the one precision rule of @keras-mem-bench/metrics (three significant
// digits, "—" for a missing value); these are the values its tiles, axes and markers show.
describe("units as people read them", () => {
  it("formats bytes in binary units and counts whole from 100", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.50 KiB");
    expect(formatBytes(300 * 2 ** 20)).toBe("300 MiB");
    expect(formatBytes(-2.5 * 2 ** 20)).toBe("−2.50 MiB");
    expect(formatNumber(12_345)).toBe("12,345");
    expect(formatNumber(0.5)).toBe("0.50");
    expect(formatDuration(250)).toBe("250 ms");
    expect(formatDuration(1500)).toBe("1.50 s");
  });

  it("puts the unit on every value and a dash where nothing was measured", () => {
    expect(formatValue(12 * 2 ** 20, "bytes/epoch")).toBe("+12.0 MiB/epoch");
    expect(formatValue(6, "tensors/epoch")).toBe("+6.00 tensors/epoch");
    expect(formatValue(3400, "samples/s")).toBe("3,400 samples/s");
    expect(formatValue(null, "bytes")).toBe("—");
    expect(formatPercent(0.123)).toBe("+12.3%");
    expect(formatPercent(-0.05)).toBe("−5.0%");
  });
});

describe("chart y range", () => {
  const quiet = { relative: 0.1, absolute: 16 * 2 ** 20 };
  it("spans at least twice the quiet band, so noise draws flat", () => {
    const [lo, hi] = displayRange(700e6, 707e6, quiet);
    expect(hi - lo).toBeCloseTo(2 * 0.1 * 703.5e6, -3);
    expect((lo + hi) / 2).toBeCloseTo(703.5e6, -3);
  });

  it("pads a wide range a little and copes with no data", () => {
    expect(displayRange(0, 100, { relative: 0, absolute: 1 })).toEqual([-6, 106]);
    expect(displayRange(null, null, quiet)).toEqual([0, 1]);
  });
});
