import { describe, expect, it } from "vitest";
import { exitFailure, killedFailure, reportedFailure } from "../src/parent/cell-failure.js";

describe("how a failed cell is recorded", () => {
  it("a missing kernel is unsupported and names the kernel", () => {
    const result = reportedFailure({ name: "Error", message: "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'" });
    expect(result).toEqual({
      status: "unsupported",
      error: { message: 'backend "wasm" has no kernel "Conv2DBackpropFilter"', code: "KMB_MISSING_KERNEL", kernel: "Conv2DBackpropFilter" },
    });
  });

  it("any other reported error is an error with its message and code", () => {
    expect(reportedFailure({ name: "BackendUnavailableError", message: "no GPU", code: "KMB_BACKEND_UNAVAILABLE" })).toEqual({
      status: "error",
      error: { message: "BackendUnavailableError: no GPU", code: "KMB_BACKEND_UNAVAILABLE" },
    });
  });

  it("a V8 out-of-memory abort is a crash that says so, with the last stderr lines", () => {
    const stderr =
      "<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb8ced1 node::Abort()\n";
    const result = exitFailure(null, "SIGABRT", stderr);
    expect(result.status).toBe("crashed");
    expect(result.error).toMatchObject({ code: "KMB_OUT_OF_MEMORY", signal: "SIGABRT", exitCode: null });
    expect(result.error.message).toMatch(/^the cell's process killed by SIGABRT before finishing \(out of memory\): .*heap out of memory/);
  });

  it("a SIGKILL the harness did not send says it was likely the OS out-of-memory killer", () => {
    const result = exitFailure(null, "SIGKILL", "");
    expect(result).toEqual({
      status: "crashed",
      error: {
        message:
          "the cell's process killed by SIGKILL before finishing (SIGKILL not sent by the harness: likely the OS out-of-memory killer)",
        code: "KMB_CELL_CRASHED",
        exitCode: null,
        signal: "SIGKILL",
      },
    });
    expect(exitFailure(null, "SIGSEGV", "").error.message).toBe("the cell's process killed by SIGSEGV before finishing");
  });

  it("watchdog kills name the limit", () => {
    expect(killedFailure({ kind: "max-rss", rssBytes: 600 * 2 ** 20, maxRssBytes: 512 * 2 ** 20 }).error.message).toBe(
      "RSS 600 MiB exceeded --max-rss 512 MiB; the process was killed",
    );
    expect(killedFailure({ kind: "timeout", timeoutMs: 120_000, phase: "boot" }).error.message).toMatch(
      /did not finish loading .* within 2 min 00 s/,
    );
  });
});
