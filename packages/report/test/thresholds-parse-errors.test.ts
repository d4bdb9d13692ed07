import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLD_VALUES, matchesCellPattern, parseThresholds, thresholdsForCell, ThresholdsError } from "../src/index.js";

function errorOf(input: unknown, source = "bench/thresholds.json"): ThresholdsError {
  try {
    parseThresholds(input, source);
  } catch (error) {
    if (error instanceof ThresholdsError) return error;
    throw error;
  }
  throw new Error("parseThresholds accepted the input");
}

describe("parseThresholds", () => {
  it("reads defaults and per-pattern overrides; later patterns win", () => {
    const t = parseThresholds(
      {
        $comment: "noisy runner",
        defaults: { timeMinChange: "15%", bytesMinChange: 0.08 },
        cells: { "lstm/**": { checkTime: false, tensorsPerEpoch: 1 }, "lstm/*/b256/*": { tensorsPerEpoch: 3 } },
      },
      "t.json",
    );
    expect(t.source).toBe("t.json");
    expect(thresholdsForCell(t, "dense/tf-data/b32/wasm")).toEqual({
      ...DEFAULT_THRESHOLD_VALUES,
      timeMinChange: 0.15,
      bytesMinChange: 0.08,
    });
    expect(thresholdsForCell(t, "lstm/generator/b256/wasm")).toMatchObject({ checkTime: false, tensorsPerEpoch: 3, timeMinChange: 0.15 });
    expect(thresholdsForCell(t, "lstm/generator/b32/wasm")).toMatchObject({ checkTime: false, tensorsPerEpoch: 1 });
  });

  it.each([
    [[], /bench\/thresholds\.json: must be a JSON object/],
    [{ default: {} }, /bench\/thresholds\.json: "default" is not a thresholds key/],
    [{ defaults: { timeMinChang: 0.1 } }, /"defaults\.timeMinChang" is not a threshold \(known: /],
    [{ defaults: { timeAlpha: 1.5 } }, /"defaults\.timeAlpha" must be between 0 and 1/],
    [
      { defaults: { bytesMinChange: "lots" } },
      /"defaults\.bytesMinChange" must be a number \(a fraction like 0\.05, or "5%"\) \(got "lots"\)/,
    ],
    [{ defaults: { timeMinChange: 10.5 } }, /"defaults\.timeMinChange" is a fraction/],
    [{ defaults: { tensorsPerEpoch: -1 } }, /"defaults\.tensorsPerEpoch" must not be negative/],
    [{ defaults: { checkTime: "no" } }, /"defaults\.checkTime" must be true or false/],
    [{ cells: [] }, /"cells" must be an object keyed by cell-id pattern/],
    [{ cells: { "lstm/*/b256/*": { timeAlpha: 0 } } }, /"cells\.lstm\/\*\/b256\/\*\.timeAlpha" must be between 0 and 1/],
    [{ cells: { "lstm/**": 3 } }, /"cells\.lstm\/\*\*" must be an object of thresholds/],
  ])("names the source and the key: %j", (input, message) => {
    const error = errorOf(input);
    expect(error.message).toMatch(/^bench\/thresholds\.json: /);
    expect(error.message).toMatch(message);
    expect(error.code).toBe("KMB_THRESHOLDS_INVALID");
  });
});

describe("cell patterns", () => {
  it("* stays within a segment, ** crosses segments, other characters are literal", () => {
    expect(matchesCellPattern("lstm/*/b256/*", "lstm/tf-data/b256/wasm")).toBe(true);
    expect(matchesCellPattern("lstm/*/b256/*", "lstm/tf-data/b2560/wasm")).toBe(false);
    expect(matchesCellPattern("lstm/*/b256/*", "lstm/tf-data/b256/tensorflow/growth-on")).toBe(false);
    expect(matchesCellPattern("lstm/**", "lstm/tf-data/b256/tensorflow/growth-on")).toBe(true);
    expect(matchesCellPattern("*/in-memory/b?2/wasm", "dense/in-memory/b32/wasm")).toBe(true);
    expect(matchesCellPattern("dense.(x)/**", "denseX(x)/a")).toBe(false);
    expect(matchesCellPattern("dense.(x)/**", "dense.(x)/a")).toBe(true);
  });
});
