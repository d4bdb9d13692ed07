// A busier machine slows every cell's wall time alike; a pull request that adds work moves CPU time too.
// These tests pin down that compare() judges each cell against the change all cells share, reports that
// shared change once, and still calls a change of the whole suite's CPU time a regression.
import type { Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { compare, parseThresholds, renderMarkdown, renderTerminal, type Comparison, type MetricDelta } from "../src/index.js";
import { cell, key, run } from "./_fixtures.js";

const FAMILIES = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
// Each cell's own wall-time wobble between runs (a few percent), on top of what the machine does to all.
const WOBBLE = [0.03, -0.02, 0.01, -0.03, 0.02, -0.01, 0.03, -0.02, 0.0, 0.02, -0.03, 0.01];

/** The cell's per-epoch wall time × `wall` and CPU time × `cpu` (the synthetic CPU time is 0.9 × wall). */
function timed(c: Cell, wall: number, cpu: number): Cell {
  return { ...c, samples: c.samples.map((s) => ({ ...s, timeMs: s.timeMs * wall, cpuTimeMs: s.timeMs * 0.9 * cpu })) };
}

const base = run(FAMILIES.map((f, i) => cell(key(f), { seed: i + 1, epochMs: 100 + 20 * i })));

/** The head run: every cell's wall time × `machine` × (1 + its wobble), and whatever `change` does to one cell. */
function head(
  machine: number,
  change: (family: string) => { wall: number; cpu: number } = () => ({ wall: 1, cpu: 1 }),
): Comparison["cells"] {
  const cells = FAMILIES.map((f, i) => {
    const { wall, cpu } = change(f);
    return timed(cell(key(f), { seed: i + 31, epochMs: 100 + 20 * i }), machine * (1 + WOBBLE[i]!) * wall, cpu);
  });
  return compare(base, run(cells)).cells;
}

const metric = (c: Comparison["cells"][number], name: MetricDelta["metric"]) => c.metrics.find((m) => m.metric === name)!;

describe("compare: time against the change all cells share", () => {
  it("a machine-wide shift (every cell's wall time 1.8×, CPU time as before) is no regression, and is reported once", () => {
    const cells = FAMILIES.map((f, i) => timed(cell(key(f), { seed: i + 31, epochMs: 100 + 20 * i }), 1.8 * (1 + WOBBLE[i]!), 1));
    const comparison = compare(base, run(cells));
    expect(comparison.regressions).toBe(0);
    expect(comparison.counts.improvement).toBe(0);
    const wall = comparison.timeShifts.find((s) => s.metric === "meanEpochMs")!;
    expect(wall).toMatchObject({ shared: "machine-load", verdict: "unchanged", shown: true, cells: 12 });
    expect(wall.change).toBeGreaterThan(0.7);
    expect(wall.reason).toMatch(
      /^median epoch of all 12 cells \+(7|8)\d\.\d% together .*CPU time tells them apart; each cell is judged against it$/,
    );
    expect(comparison.timeShifts.find((s) => s.metric === "epochCpuMs")).toMatchObject({ verdict: "unchanged", shown: false });
    const a = comparison.cells.find((c) => c.id.startsWith("a/"))!;
    expect(metric(a, "meanEpochMs").reason).toMatch(/of its own against the \+(7|8)\d\.\d% all 12 cells share/);
    // Said once above the tables, not once per cell.
    expect(renderTerminal(comparison)).toMatch(/^epoch time: median epoch of all 12 cells \+(7|8)\d\.\d% together/m);
    expect(renderMarkdown(comparison)).toMatch(/^> epoch time: median epoch of all 12 cells \+(7|8)\d\.\d% together/m);
  });

  it("one cell 30% slower among steady cells, on a machine 1.8× busier, is that cell's regression by wall and CPU time", () => {
    const cells = head(1.8, (f) => (f === "c" ? { wall: 1.3, cpu: 1.3 } : { wall: 1, cpu: 1 }));
    expect(cells.filter((c) => c.verdict === "regression").map((c) => c.id)).toEqual(["c/tf-data/b32/wasm"]);
    const c = cells.find((x) => x.id.startsWith("c/"))!;
    expect(metric(c, "meanEpochMs").verdict).toBe("regression");
    expect(metric(c, "meanEpochMs").reason).toMatch(/\+(2\d|3\d)\.\d% of its own against the \+(7|8)\d\.\d% all 12 cells share/);
    expect(metric(c, "epochCpuMs").verdict).toBe("regression");
  });

  it("every cell's CPU time 30% higher (the pull request slowed the whole suite) is a regression of every cell", () => {
    const cells = FAMILIES.map((f, i) => timed(cell(key(f), { seed: i + 31, epochMs: 100 + 20 * i }), 1.3 * (1 + WOBBLE[i]!), 1.3));
    const comparison = compare(base, run(cells));
    expect(comparison.regressions).toBe(12);
    const cpu = comparison.timeShifts.find((s) => s.metric === "epochCpuMs")!;
    expect(cpu).toMatchObject({ shared: "suite-change", verdict: "regression", shown: true });
    expect(cpu.reason).toMatch(
      /^median epoch CPU of all 12 cells \+(29|30)\.\d% together .*: the suite got slower, not the machine \(a shared change counts from 15\.0%\)$/,
    );
    for (const c of comparison.cells) {
      expect(metric(c, "epochCpuMs").verdict, c.id).toBe("regression");
      expect(metric(c, "epochCpuMs").reason, c.id).toContain("with the whole suite: median epoch CPU of all 12 cells +");
      // Wall time moved with it, shared by every cell: not judged a second time per cell.
      expect(metric(c, "meanEpochMs").verdict, c.id).toBe("unchanged");
    }
    expect(renderMarkdown(comparison)).toMatch(/^> ❌ epoch CPU: median epoch CPU of all 12 cells \+(29|30)\.\d% together/m);
    // The floor is a threshold: raised past the change, the same runs have no regression.
    const lenient = parseThresholds({ defaults: { timeShiftMinChange: "40%" } }, "inline");
    expect(compare(base, run(cells), lenient).regressions).toBe(0);
  });

  it("a shared CPU change within what load moves (8% on every cell) is no regression", () => {
    const cells = FAMILIES.map((f, i) => timed(cell(key(f), { seed: i + 31, epochMs: 100 + 20 * i }), 1.08 * (1 + WOBBLE[i]!), 1.08));
    const comparison = compare(base, run(cells));
    expect(comparison.regressions).toBe(0);
    expect(comparison.timeShifts.find((s) => s.metric === "epochCpuMs")).toMatchObject({ verdict: "unchanged" });
  });

  it("fewer cells than the run scatter needs: no shared change is estimated, each cell judged on its own", () => {
    const few = run(FAMILIES.slice(0, 3).map((f, i) => cell(key(f), { seed: i + 1, epochMs: 100 + 20 * i })));
    const slower = run(FAMILIES.slice(0, 3).map((f, i) => timed(cell(key(f), { seed: i + 31, epochMs: 100 + 20 * i }), 1.3, 1)));
    const comparison = compare(few, slower);
    expect(comparison.timeShifts).toEqual([]);
    expect(comparison.cells.every((c) => metric(c, "meanEpochMs").verdict === "regression")).toBe(true);
  });
});
