import { compare } from "@keras-mem-bench/report";
import type { ResultsFile } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { runLeak } from "./_leak-run.js";

// Native leaks (Buffers kept by a callback): no tensor grows, what the process retains after GC does.

let clean: ResultsFile | undefined;

describe("Buffers kept per epoch", () => {
  it("without a leak → stable, no tensor growth, no leak origin", async () => {
    const { cell, results } = await runLeak(undefined);
    clean = results;
    expect(cell.verdict, cell.verdictReason).toBe("stable");
    expect(cell.summary!.tensorsPerEpoch).toBe(0);
    expect(cell.leakOrigins).toBeUndefined(); // traced only for leaking cells (or with --origins)
    expect(cell.growth).toBeUndefined();
  }, 120_000);

  it("8 MiB per epoch → growing, external bytes +8 MiB/epoch", async () => {
    const { cell } = await runLeak("buffer");
    expect(cell.verdict).toBe("growing");
    expect(cell.summary!.tensorsPerEpoch).toBe(0);
    expect(cell.summary!.externalBytesPerEpoch / 2 ** 20).toBeCloseTo(8, 1);
    expect(cell.verdictReason).toContain("external +8.00 MiB/epoch");
  }, 120_000);

  it("256 KiB per epoch → growing (external and ArrayBuffers), and compare against the clean run calls it a regression", async () => {
    const { cell, results } = await runLeak("buffer-256k");
    expect(cell.verdict, cell.verdictReason).toBe("growing");
    expect(cell.growth?.series.filter((s) => s.growing).map((s) => s.memory)).toEqual(
      expect.arrayContaining(["retained", "external", "arrayBuffers"]),
    );
    const external = cell.growth!.series.find((s) => s.memory === "external")!;
    expect(external.bytesPerEpoch / 1024).toBeCloseTo(256, 0);
    // The first test's clean run, or a fresh one when this test runs alone.
    clean ??= (await runLeak(undefined)).results;
    const comparison = compare(clean, results);
    expect(comparison.cells[0]!.verdict).toBe("regression");
    expect(comparison.cells[0]!.reasons[0]).toMatch(/^growth verdict appeared \(stable → growing\)/);
  }, 120_000);
});
