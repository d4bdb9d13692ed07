// A leaking cell keeps its measured figures and takes its leak origins from a second, traced run; the reason
// says where they came from, or why there are none.
import { syntheticCell, type Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { withTracedOrigins } from "../src/parent/run-matrix.js";

const key = { family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" };
const origin = { phase: "callback" as const, op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 1, bytesPerEpoch: 4 };
const leaking = (tensorsPerEpoch: number, extra: Partial<Cell> = {}): Cell => ({
  ...syntheticCell(key, { tensorsPerEpoch }),
  verdict: "leaking",
  verdictReason: `tensors +${tensorsPerEpoch} tensors/epoch`,
  ...extra,
});

describe("withTracedOrigins", () => {
  it("keeps the measured figures and takes the traced run's origins", () => {
    const measured = leaking(1);
    const cell = withTracedOrigins(measured, leaking(1, { leakOrigins: [origin] }));
    expect(cell.samples).toBe(measured.samples);
    expect(cell.summary).toBe(measured.summary);
    expect(cell.leakOrigins).toEqual([origin]);
    expect(cell.verdictReason).toBe("tensors +1 tensors/epoch; leak origins from a second run of the cell with origin tracking on");
  });

  it("says when the traced run measured a different slope", () => {
    const cell = withTracedOrigins(leaking(1), leaking(2, { leakOrigins: [origin] }));
    expect(cell.verdictReason).toMatch(/second run of the cell with origin tracking on, which measured 2 tensors\/epoch \(leaking\)$/);
  });

  it("gives no origins, and says why, when the traced run failed", () => {
    const crashed: Cell = { ...leaking(1), status: "crashed", error: { message: "RSS 300 MiB exceeded --max-rss 256 MiB" } };
    const cell = withTracedOrigins(leaking(1), crashed);
    expect(cell.leakOrigins).toBeUndefined();
    expect(cell.verdictReason).toBe(
      "tensors +1 tensors/epoch; no leak origins: a second run with origin tracking was made, but it ended crashed (RSS 300 MiB exceeded --max-rss 256 MiB)",
    );
  });
});
