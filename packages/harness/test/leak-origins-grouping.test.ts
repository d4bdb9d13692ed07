import { describe, expect, it } from "vitest";
import { leakOrigins, type EpochOrigins } from "../src/analysis/leak-origins.js";
import type { OriginTally } from "../src/cell-protocol.js";

const lstm = { phase: "forward", op: "matMul", layer: "lstm_1", layerClass: "LSTM" } as const;
const moments = { phase: "optimizer", op: "variable", layer: null, layerClass: null } as const;
const cache = { phase: "pipeline", op: "tensor", layer: null, layerClass: null } as const;

/** Epochs 1..n; each origin's live count (and 4 bytes per tensor) from its function of the epoch. */
function epochs(n: number, origins: Array<[Omit<OriginTally, "count" | "bytes">, (epoch: number) => number]>): EpochOrigins[] {
  return Array.from({ length: n }, (_, i) => ({
    epoch: i + 1,
    origins: origins.map(([origin, count]) => ({ ...origin, count: count(i + 1), bytes: 4 * count(i + 1) })).filter((t) => t.count > 0),
  }));
}

describe("leak origins from live tensors by origin at epoch ends", () => {
  it("keeps only origins that gain tensors after warm-up, most bytes first, with per-epoch slopes", () => {
    const found = leakOrigins(
      epochs(8, [
        [moments, () => 12], // optimizer slots: made in epoch 1, then flat
        [lstm, (e) => 16 * e], // 16 more per epoch
        [cache, (e) => e], // 1 more per epoch
      ]),
      2,
      0.5,
    );
    expect(found).toEqual([
      { ...lstm, tensorsPerEpoch: 16, bytesPerEpoch: 64 },
      { ...cache, tensorsPerEpoch: 1, bytesPerEpoch: 4 },
    ]);
  });

  it("a cache replaced every epoch (one alive at each end) is not a leak, nor is warm-up growth", () => {
    const found = leakOrigins(
      epochs(8, [
        [cache, () => 1],
        [lstm, (e) => (e <= 2 ? 5 * e : 10)],
      ]),
      2,
      0.5,
    );
    expect(found).toEqual([]);
  });

  it("an origin that appears only after warm-up is counted from zero", () => {
    const found = leakOrigins(epochs(6, [[cache, (e) => Math.max(0, e - 3)]]), 2, 0.5);
    expect(found).toHaveLength(1);
    expect(found![0]!.tensorsPerEpoch).toBeCloseTo(1, 9);
  });

  it("keeps stacks apart: the same op from two call sites is two origins", () => {
    const a = { ...cache, stack: "keepA (suite.ts:10:5)" };
    const b = { ...cache, stack: "keepB (suite.ts:20:5)" };
    const found = leakOrigins(
      epochs(6, [
        [a, (e) => e],
        [b, (e) => 2 * e],
      ]),
      1,
      0.5,
    );
    expect(found?.map((o) => [o.stack, o.tensorsPerEpoch])).toEqual([
      ["keepB (suite.ts:20:5)", 2],
      ["keepA (suite.ts:10:5)", 1],
    ]);
  });

  it("null when fewer than two epochs follow warm-up", () => {
    expect(leakOrigins(epochs(3, [[cache, (e) => e]]), 2, 0.5)).toBeNull();
  });
});
