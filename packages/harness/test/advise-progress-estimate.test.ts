import { bufferedIo, syntheticCell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { estimateProbeTotal, EXPECTED_PROBES_PER_ROW } from "../src/advise/probe-estimate.js";
import { streamProgress } from "../src/parent/progress.js";

describe("advise progress", () => {
  it("expects the finished rows' mean for the rows to come, and at least one more probe for the running row", () => {
    expect(estimateProbeTotal({ probesPerFinishedRow: [], probesInCurrentRow: 0, rowsNotStarted: 3, maxProbes: 10 })).toBe(
      4 * EXPECTED_PROBES_PER_ROW,
    );
    expect(estimateProbeTotal({ probesPerFinishedRow: [3, 5], probesInCurrentRow: 6, rowsNotStarted: 2, maxProbes: 10 })).toBe(
      8 + 7 + 2 * 4,
    );
    expect(estimateProbeTotal({ probesPerFinishedRow: [3, 5], probesInCurrentRow: null, rowsNotStarted: 0, maxProbes: 10 })).toBe(8);
    expect(estimateProbeTotal({ probesPerFinishedRow: [], probesInCurrentRow: 0, rowsNotStarted: 1, maxProbes: 3 })).toBe(6);
  });

  it("the harness reporter takes a new total and prints the caller's note on the finished line", () => {
    const io = bufferedIo();
    const progress = streamProgress(io);
    const cell = syntheticCell({ family: "lstm", strategy: "generator", batchSize: 512, backend: "wasm" });
    progress.start(5, 1);
    progress.setTotal!(7);
    progress.cellStarted(0, { ...cell, gpuMemoryGrowth: null }, 2);
    progress.cellFinished(0, cell, "bisect: fits: 250.8 MiB of 320.0 MiB");
    progress.finish();
    expect(io.err).toMatch(
      /^\[1\/7\] lstm\/generator\/b512\/wasm: started\n\[1\/7\] lstm\/generator\/b512\/wasm: ok, stable, [\d.]+ s · bisect: fits: 250\.8 MiB of 320\.0 MiB · elapsed /,
    );
  });
});
