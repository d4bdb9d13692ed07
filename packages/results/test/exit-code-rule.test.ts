import { describe, expect, it } from "vitest";
import {
  AdviceFileError,
  BAD_INPUT_ERROR_CODES,
  errorCodeOf,
  EXIT_BAD_INPUT,
  EXIT_FAILED,
  exitCodeFor,
  isBadInput,
  ResultsFileError,
} from "../src/index.js";

const coded = (code: string) => Object.assign(new Error("x"), { code });

describe("exit code rule", () => {
  it("maps every bad-input code to 2", () => {
    const codes = Object.keys(BAD_INPUT_ERROR_CODES);
    expect(codes).toEqual([
      "KMB_USAGE",
      "KMB_SUITE_CONFIG",
      "KMB_MATRIX_SELECTION",
      "KMB_BACKEND_UNAVAILABLE",
      "KMB_TFJS_UNSUPPORTED",
      "KMB_ADVISE_GRID",
      "KMB_RESULTS_INVALID",
      "KMB_ADVICE_INVALID",
      "KMB_THRESHOLDS_INVALID",
      "KMB_MERGE_REFUSED",
      "KMB_DASHBOARD_ARGS",
      "KMB_DASHBOARD_HISTORY",
      "KMB_DASHBOARD_NO_RUNS",
    ]);
    for (const code of codes) expect([code, exitCodeFor(coded(code))]).toEqual([code, EXIT_BAD_INPUT]);
  });

  it("maps this package's file errors to 2", () => {
    expect(exitCodeFor(new ResultsFileError("base.json", [{ path: "/cells", message: "missing" }]))).toBe(2);
    expect(exitCodeFor(new AdviceFileError("advice.json", [{ path: "", message: "not JSON" }]))).toBe(2);
  });

  it("maps a run failure's code, an error without a code and a thrown non-error to 1", () => {
    expect(exitCodeFor(coded("KMB_OUT_WRITE"))).toBe(EXIT_FAILED);
    expect(exitCodeFor(new Error("a bug"))).toBe(1);
    expect(exitCodeFor(Object.assign(new Error("ENOENT"), { code: "ENOENT" }))).toBe(1);
    expect(exitCodeFor("a string")).toBe(1);
    expect(exitCodeFor(undefined)).toBe(1);
  });

  it("reads only KMB_ codes, and only from objects", () => {
    expect(errorCodeOf(coded("KMB_USAGE"))).toBe("KMB_USAGE");
    expect(errorCodeOf(Object.assign(new Error("x"), { code: "ENOENT" }))).toBeNull();
    expect(errorCodeOf(Object.assign(new Error("x"), { code: 2 }))).toBeNull();
    expect(errorCodeOf(null)).toBeNull();
    expect(isBadInput({ code: "KMB_USAGE" })).toBe(true);
    expect(isBadInput({ code: "KMB_CELL_TIMEOUT" })).toBe(false);
  });
});
