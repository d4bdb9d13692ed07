import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatDelta,
  formatDuration,
  formatNumber,
  formatPercent,
  formatPerEpoch,
  formatRate,
  formatValue,
  MISSING,
  parseDuration,
  parseSize,
} from "../src/browser.js";

const MiB = 2 ** 20;

describe("one precision rule: three significant digits", () => {
  it("bytes in binary prefixes, whole below 1 KiB", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.50 KiB");
    expect(formatBytes(12.34 * MiB)).toBe("12.3 MiB");
    // The same peak RSS reads the same in kmb run, kmb compare and the dashboard.
    expect(formatBytes(165.1 * MiB)).toBe("165 MiB");
    expect(formatBytes(2.5 * 2 ** 30)).toBe("2.50 GiB");
    expect(formatBytes(1023.9 * MiB)).toBe("1.00 GiB");
    expect(formatBytes(-2.5 * MiB)).toBe("−2.50 MiB");
  });

  it("durations in ms and s, clock style from a minute", () => {
    expect(formatDuration(212.4)).toBe("212 ms");
    expect(formatDuration(12.34)).toBe("12.3 ms");
    expect(formatDuration(1500)).toBe("1.50 s");
    expect(formatDuration(20_000)).toBe("20.0 s");
    expect(formatDuration(125_000)).toBe("2 min 05 s");
    expect(formatDuration(3_725_000)).toBe("1 h 02 min");
  });

  it("counts and rates whole from 100 (grouped), integers as they are", () => {
    expect(formatNumber(32)).toBe("32");
    expect(formatNumber(3.5)).toBe("3.50");
    expect(formatNumber(12_345.6)).toBe("12,346");
    expect(formatRate(2560, "samples")).toBe("2,560 samples/s");
  });

  it("slopes and deltas are signed; a value that rounds to zero shows no direction", () => {
    expect(formatPerEpoch(8 * MiB, "bytes")).toBe("+8.00 MiB/epoch");
    expect(formatPerEpoch(0.5, "tensors")).toBe("+0.50 tensors/epoch");
    expect(formatPerEpoch(-1e-12, "tensors")).toBe("±0.00 tensors/epoch");
    expect(formatDelta(-30.5 * MiB, "bytes")).toBe("−30.5 MiB");
    expect(formatDelta(42, "ms")).toBe("+42.0 ms");
    expect(formatPercent(0.123)).toBe("+12.3%");
    expect(formatPercent(-0.05)).toBe("−5.0%");
    expect(formatPercent(0.0001)).toBe("±0.0%");
    expect(formatPercent(1.5)).toBe("+150%");
  });

  it("every unit of the catalogue prints with its unit, and one glyph for a missing value", () => {
    expect(formatValue(312 * MiB, "bytes")).toBe("312 MiB");
    expect(formatValue(1.2 * MiB, "bytes/epoch")).toBe("+1.20 MiB/epoch");
    expect(formatValue(6, "tensors/epoch")).toBe("+6.00 tensors/epoch");
    expect(formatValue(1234, "tensors")).toBe("1,234 tensors");
    expect(formatValue(212, "ms")).toBe("212 ms");
    expect(formatValue(3400, "samples/s")).toBe("3,400 samples/s");
    expect(MISSING).toBe("—");
    for (const missing of [null, undefined, Number.NaN, Infinity]) expect(formatValue(missing, "bytes")).toBe(MISSING);
    expect(formatDelta(null, "ms")).toBe(MISSING);
  });
});

// Moved from the harness's CLI option tests: --max-rss, --timeout and suite files read these.
describe("parsing sizes and durations", () => {
  it("reads sizes in binary multiples", () => {
    expect(parseSize("512M")).toBe(512 * 2 ** 20);
    expect(parseSize("2G")).toBe(2 * 2 ** 30);
    expect(parseSize("1.5GiB")).toBe(1.5 * 2 ** 30);
    expect(parseSize("300000")).toBe(300000);
    expect(parseSize("12 parsecs")).toBeNull();
  });

  it("reads durations; a bare number is seconds", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("5m")).toBe(300_000);
    expect(parseDuration("1500ms")).toBe(1500);
    expect(parseDuration("30")).toBe(30_000);
    expect(parseDuration("-1s")).toBeNull();
  });
});
