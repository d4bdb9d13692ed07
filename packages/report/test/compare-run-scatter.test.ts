// Real reruns move each cell's RSS level by several percent (where the process settles at start-up)
// while what training retains repeats to a few KiB. These tests pin down how compare() uses that.
import type { Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { compare, type Comparison } from "../src/index.js";
import { cell, key, run } from "./_fixtures.js";

const FAMILIES = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
// Run-to-run RSS offsets of the head against the base, as seen on a loaded 2-core machine.
const OFFSETS = [0.06, -0.07, 0.08, -0.05, 0.03, -0.08, 0.07, -0.02, 0.05, -0.06];

/** Adds `bytes` to what every epoch retains (external memory) and to its RSS. */
function holding(c: Cell, bytes: number): Cell {
  return {
    ...c,
    samples: c.samples.map((s) => ({ ...s, rssBytes: s.rssBytes + bytes, externalBytes: s.externalBytes + bytes })),
    summary: c.summary ? { ...c.summary, peakRssBytes: c.summary.peakRssBytes + bytes } : null,
  };
}

function verdicts(comparison: Comparison): Record<string, string> {
  return Object.fromEntries(comparison.cells.map((c) => [c.id.split("/")[0], c.verdict]));
}

describe("compare: run-to-run scatter across cells", () => {
  const base = run(FAMILIES.map((f, i) => cell(key(f), { seed: i + 1, baseRssBytes: 300e6 })));

  it("RSS levels that move ±2–8% in every cell between reruns are noise, not regressions", () => {
    const head = run(FAMILIES.map((f, i) => cell(key(f), { seed: i + 1, baseRssBytes: 300e6 * (1 + OFFSETS[i]!) })));
    const comparison = compare(base, head);
    expect(comparison.regressions).toBe(0);
    const peak = comparison.cells.find((c) => c.id.startsWith("c/"))!.metrics.find((m) => m.metric === "peakRssBytes")!;
    expect(peak.verdict).toBe("unchanged");
    expect(peak.reason).toMatch(/run-to-run scatter ±\d+\.\d% across 10 cells/);
  });

  it("a cell far outside that scatter is still a regression", () => {
    const head = run(
      FAMILIES.map((f, i) => cell(key(f), { seed: i + 1, baseRssBytes: 300e6 * (1 + OFFSETS[i]!) * (f === "d" ? 1.5 : 1) })),
    );
    expect(verdicts(compare(base, head))).toMatchObject({ d: "regression", a: "unchanged", c: "unchanged" });
  });

  it("a buffer of 10% of the peak held by training is caught by retained memory, even inside RSS noise", () => {
    const head = run(
      FAMILIES.map((f, i) => {
        const c = cell(key(f), { seed: i + 1, baseRssBytes: 300e6 * (1 + OFFSETS[i]!) });
        return f === "b" ? holding(c, 30e6) : c;
      }),
    );
    const b = compare(base, head).cells.find((c) => c.id.startsWith("b/"))!;
    expect(b.verdict).toBe("regression");
    expect(b.metrics.find((m) => m.metric === "retainedBytes")).toMatchObject({ verdict: "regression" });
    expect(b.metrics.find((m) => m.metric === "retainedBytes")!.reason).toMatch(/of base peak RSS/);
  });

  it("without enough cells the scatter is not estimated and the 5% minimum decides", () => {
    const few = FAMILIES.slice(0, 3);
    const smallBase = run(few.map((f, i) => cell(key(f), { seed: i + 1, baseRssBytes: 300e6 })));
    const smallHead = run(few.map((f, i) => cell(key(f), { seed: i + 1, baseRssBytes: 300e6 * (1 + OFFSETS[i]!) })));
    expect(verdicts(compare(smallBase, smallHead))).toEqual({ a: "regression", b: "improvement", c: "regression" });
  });

  it("epoch times that all shift with the machine but scatter ±15% per cell: one cell +20% is not judged slower", () => {
    const shifts = [0.15, -0.12, 0.18, -0.1, 0.05, -0.16, 0.12, -0.03, 0.08, -0.14];
    const head = run(FAMILIES.map((f, i) => cell(key(f), { seed: i + 1, baseRssBytes: 300e6, epochMs: 200 * (1 + shifts[i]!) })));
    const comparison = compare(base, head);
    const time = comparison.cells.find((c) => c.id.startsWith("a/"))!.metrics.find((m) => m.metric === "meanEpochMs")!;
    expect(time.verdict).toBe("unchanged");
    expect(time.reason).toMatch(/run-to-run scatter ±\d+\.\d% across 10 cells/);
    // Against quiet reruns the same +15% counts.
    const quiet = run(FAMILIES.map((f, i) => cell(key(f), { seed: i + 1, baseRssBytes: 300e6, epochMs: f === "a" ? 230 : 200 })));
    expect(verdicts(compare(base, quiet)).a).toBe("regression");
  });
});
