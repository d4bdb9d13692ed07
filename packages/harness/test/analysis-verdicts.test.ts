import { describe, expect, it } from "vitest";
import { analyseCell, byteTrend, countTrend, DEFAULT_VERDICT_RULES } from "../src/analysis/analysis.js";
import { MiB, series } from "./_series.js";

const judge = (samples: ReturnType<typeof series>, warmupEpochs = 2) =>
  analyseCell({ samples, batchSamples: [], warmupEpochs, timing: null });

describe("verdicts on synthetic series", () => {
  it("flat series → stable, slopes zero", () => {
    const result = judge(series({ epochs: 8 }));
    expect(result.verdict).toBe("stable");
    expect(result.summary?.tensorsPerEpoch).toBe(0);
    expect(result.summary?.rssBytesPerEpoch).toBe(0);
    expect(result.verdictReason).toMatch(/flat over epochs 3–8 after 2 warm-up epochs/);
  });

  it("warm-up growth then flat → stable, and the warm-up shows in peaks but not in slopes", () => {
    // 40 MiB of RSS and 30 tensors arrive in the first two epochs (allocator, optimizer slots), then nothing.
    const result = judge(series({ epochs: 8, rss: (e) => (e <= 2 ? 140 + 20 * e : 180) * MiB, tensors: (e) => (e === 1 ? 10 : 40) }));
    expect(result.verdict).toBe("stable");
    expect(result.summary?.rssBytesPerEpoch).toBe(0);
    expect(result.summary?.tensorsPerEpoch).toBe(0);
    expect(result.summary?.peakNumTensors).toBe(40);
  });

  it("the same warm-up growth without a warm-up window is judged as growth", () => {
    const result = judge(series({ epochs: 5, rss: (e) => (100 + 20 * e) * MiB }), 0);
    expect(result.verdict).toBe("growing");
  });

  it("linear RSS growth (8 MiB/epoch, ±1 MiB noise) → growing, with the rate in MiB/epoch", () => {
    const result = judge(series({ epochs: 8, rss: (e) => (180 + 8 * e) * MiB, noiseBytes: MiB }));
    expect(result.verdict).toBe("growing");
    expect(result.summary!.rssBytesPerEpoch / MiB).toBeCloseTo(8, 0);
    expect(result.verdictReason).toMatch(/RSS \+\d\.\d\d MiB\/epoch/);
  });

  it("RSS climbing ~2 MiB/epoch while retained, tensor and wasm bytes stay flat (a clean compiled cell, measured) → stable, with a note", () => {
    // conv/in-memory/b32/wasm of a clean quick rerun: +2.4 MiB/epoch least-squares, 4 of 5 epochs up, heap + external flat.
    const measured = [96.45, 97.5, 97.75, 99.5, 101.5, 107.75, 108.0, 108.0];
    const result = judge(series({ epochs: 8, rss: (e) => measured[e - 1]! * MiB }));
    expect(result.verdict).toBe("stable");
    expect(result.summary!.rssBytesPerEpoch).toBeGreaterThan(2 * MiB);
    expect(result.verdictReason).toMatch(
      /RSS rises with nothing retained, tensor, wasm or GPU memory rising with it \(typical epoch \+[\d.]+ MiB, 6\.00 MiB needed/,
    );
  });

  it("RSS alone past its floor (10 MiB every epoch, nothing retained) → growing", () => {
    const result = judge(series({ epochs: 8, rss: (e) => (120 + 10 * e) * MiB }));
    expect(result.verdict).toBe("growing");
    expect(result.growth?.series.find((s) => s.memory === "rss")?.growing).toBe(true);
    expect(result.growth?.series.find((s) => s.memory === "retained")?.growing).toBe(false);
  });

  it("the same 2 MiB/epoch RSS climb with 256 KiB/epoch retained under it → growing on retained", () => {
    const result = judge(series({ epochs: 8, rss: (e) => (96 + 2 * e) * MiB, external: (e) => 18 * MiB + e * 256 * 1024 }));
    expect(result.verdict).toBe("growing");
    expect(result.verdictReason).toMatch(/^retained \(JS heap \+ external\) \+256 KiB\/epoch/);
  });

  it("growth of external (native) bytes alone → growing, naming external", () => {
    const result = judge(series({ epochs: 6, external: (e) => (24 + 8 * e) * MiB }));
    expect(result.verdict).toBe("growing");
    expect(result.verdictReason).toContain("external +8.00 MiB/epoch");
  });

  it("noisy flat RSS (±3 MiB around 180 MiB) → stable for many seeds", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const result = judge(series({ epochs: 8, noiseBytes: 3 * MiB, seed }));
      expect(result.verdict, `seed ${seed}`).toBe("stable");
    }
  });

  it("a single step after warm-up (one wasm heap growth) → stable", () => {
    const result = judge(series({ epochs: 8, wasm: (e) => (e < 5 ? 16 : 32) * MiB, rss: (e) => (e < 5 ? 180 : 196) * MiB }));
    expect(result.verdict).toBe("stable");
  });

  it("RSS creeping 0.1 MiB/epoch with one 4 MiB allocator jump (as measured on wasm) → stable", () => {
    const measured = [147.7, 148.2, 148.3, 148.8, 149.1, 149.1, 153.2, 153.3, 153.5, 153.6, 153.8, 153.8];
    const result = judge(series({ epochs: 12, rss: (e) => measured[e - 1]! * MiB }));
    expect(result.verdict).toBe("stable");
    expect(result.summary!.rssBytesPerEpoch).toBeGreaterThan(0.5 * MiB);
  });

  it("slow but steady growth below the floor (0.5 MiB/epoch over 5 epochs) → stable", () => {
    const result = judge(series({ epochs: 8, rss: (e) => 180 * MiB + e * 0.5 * MiB }));
    expect(result.verdict).toBe("stable");
  });

  it("one tensor kept per epoch → leaking, with counts", () => {
    const result = judge(series({ epochs: 6, tensors: (e) => 24 + e }));
    expect(result.verdict).toBe("leaking");
    expect(result.summary?.tensorsPerEpoch).toBeCloseTo(1, 12);
    expect(result.summary?.dataIdsPerEpoch).toBeCloseTo(1, 12);
    expect(result.verdictReason).toMatch(/tensors \+1\.00 tensors\/epoch \(27 → 30\)/);
  });

  it("a tensor leak outranks byte growth", () => {
    const result = judge(series({ epochs: 6, tensors: (e) => 24 + 2 * e, rss: (e) => (180 + 10 * e) * MiB }));
    expect(result.verdict).toBe("leaking");
  });

  it("tensor counts that go up and back down → not leaking", () => {
    const result = judge(series({ epochs: 8, tensors: (e) => 24 + (e % 2) }));
    expect(result.verdict).toBe("stable");
  });

  it("too few epochs after warm-up → no verdict, and says why", () => {
    const result = judge(series({ epochs: 4 }), 2);
    expect(result.verdict).toBeNull();
    expect(result.verdictReason).toMatch(/only 2 epochs after 2 warm-up epochs; 3 needed/);
    expect(result.summary).not.toBeNull();
  });

  it("no epoch at all → no summary", () => {
    expect(judge([])).toEqual({ summary: null, verdict: null, verdictReason: expect.stringContaining("no epoch") });
  });

  it("peak RSS includes batch samples and the process high-water mark", () => {
    const samples = series({ epochs: 5 });
    const result = analyseCell({
      samples,
      batchSamples: [
        {
          epoch: 1,
          batch: 0,
          elapsedMs: 1,
          rssBytes: 250 * MiB,
          heapUsedBytes: 1,
          numTensors: 99,
          numBytes: 1,
          numDataIds: 1,
          wasmHeapBytes: 1,
        },
      ],
      warmupEpochs: 1,
      timing: null,
      finalMaxRssBytes: 300 * MiB,
    });
    expect(result.summary?.peakRssBytes).toBe(300 * MiB);
    expect(result.summary?.peakNumTensors).toBe(99);
  });
});

describe("trend rules", () => {
  it("count trend needs the last count above the first", () => {
    expect(countTrend("tensors", [3, 4, 5], [10, 11, 12]).leaking).toBe(true);
    // A transient bump: the slope (+1.00/epoch) passes the slope rule, but the count ends where it started.
    const bump = countTrend("tensors", [3, 4, 5, 6], [10, 20, 30, 10]);
    expect(bump.slope).toBeCloseTo(1, 9);
    expect(bump.slope).toBeGreaterThanOrEqual(DEFAULT_VERDICT_RULES.minCountSlope);
    expect(bump).toMatchObject({ first: 10, last: 10, leaking: false });
  });

  it("byte trend reports rise, floor and t for the reason text", () => {
    const trend = byteTrend(
      "RSS",
      [3, 4, 5, 6],
      [100, 108, 116, 124].map((v) => v * MiB),
    );
    expect(trend).toMatchObject({ growing: true, risingSteps: 3, steps: 3, t: Infinity });
    expect(trend.typicalStep / MiB).toBeCloseTo(8, 9);
    expect(trend.typicalRise / MiB).toBeCloseTo(24, 9);
  });
});
