import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseCell } from "../src/analysis/analysis.js";
import { retainedTrend } from "../src/analysis/retained-trend.js";
import { fixture } from "./_run.js";
import { MiB, series } from "./_series.js";

// Retained bytes (heap used + external after the forced GC) of the 32 quick cells of two clean runs on this
// machine (one through tsx, one compiled), after warm-up: the noise and creep the rule must stay quiet on.
interface CleanCell {
  id: string;
  epochs: number[];
  heapUsedBytes: number[];
  externalBytes: number[];
}
const runs = (JSON.parse(readFileSync(fixture("retained-quick-clean.json"), "utf8")) as { runs: Array<{ cells: CleanCell[] }> }).runs;
const clean = { cells: runs.flatMap((r) => r.cells) };
const KiB = 1024;
const retained = (c: CleanCell, leakPerEpoch = 0) =>
  c.heapUsedBytes.map((h, i) => h + c.externalBytes[i]! + leakPerEpoch * (c.epochs[i]! - c.epochs[0]!));

describe("retained bytes judged against their own noise", () => {
  it("stays quiet on all 64 cells of two clean quick runs", () => {
    const growing = clean.cells.filter((c) => retainedTrend("retained", c.epochs, retained(c)).growing).map((c) => c.id);
    expect(growing).toEqual([]);
    expect(clean.cells).toHaveLength(64);
  });

  it("catches 256 KiB/epoch added to every one of those cells, even where a buffer comes and goes by 2 MiB", () => {
    const missed = clean.cells.filter((c) => !retainedTrend("retained", c.epochs, retained(c, 256 * KiB)).growing).map((c) => c.id);
    expect(missed).toEqual([]);
  });

  it("does not call one jump that stays growth", () => {
    const epochs = [3, 4, 5, 6, 7, 8];
    const trend = retainedTrend(
      "retained",
      epochs,
      [50, 50, 50, 52, 52, 52].map((m) => m * MiB),
    );
    expect(trend.slope).toBeGreaterThan(0);
    expect(trend.typicalStep).toBe(0);
    expect(trend.growing).toBe(false);
  });

  it("needs more than the floor where the series scatters: 3 standard errors of the slope", () => {
    const epochs = [3, 4, 5, 6, 7, 8];
    // ±1 MiB scatter around a 200 KiB/epoch line: above the floor, but not beyond the noise.
    const noisy = epochs.map((e, i) => 50 * MiB + 200 * KiB * e + (i % 2 === 0 ? 1 : -1) * (i < 3 ? 1 : 0.6) * MiB);
    const trend = retainedTrend("retained", epochs, noisy);
    expect(trend.needed).toBeGreaterThan(200 * KiB);
    expect(trend.growing).toBe(false);
  });

  it("a 256 KiB/epoch Buffer leak turns the cell's verdict to growing and says external grows", () => {
    const result = analyseCell({
      samples: series({ epochs: 8, external: (e) => 24 * MiB + (e > 2 ? (e - 2) * 256 * KiB : 0), noiseBytes: 40 * KiB }),
      batchSamples: [],
      warmupEpochs: 2,
      timing: null,
    });
    expect(result.verdict).toBe("growing");
    expect(result.verdictReason).toContain("external +256 KiB/epoch");
    expect(result.growth?.series.filter((s) => s.growing).map((s) => s.memory)).toEqual(["retained", "external"]);
  });
});
