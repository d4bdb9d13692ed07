// On a shared runner wall time per epoch scatters with the other jobs; the CPU time the cell's own
// process used does not. These tests pin down that compare() judges both, each by the same test.
import type { Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { compare, type MetricDelta } from "../src/index.js";
import { cell, key, run } from "./_fixtures.js";

const FAMILIES = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
// Wall-time shifts of the head against the base from machine load, per cell.
const LOAD = [0.15, -0.12, 0.18, -0.1, 0.05, -0.16, 0.12, -0.03, 0.08, -0.14];

/** The cell's CPU time set to `ms` per epoch with ±1% jitter; wall time left as it is. */
function withCpu(c: Cell, ms: number): Cell {
  return { ...c, samples: c.samples.map((s, i) => ({ ...s, cpuTimeMs: ms * (1 + 0.01 * Math.sin(i * 2.3 + ms)) })) };
}

function withoutCpu(c: Cell): Cell {
  return { ...c, samples: c.samples.map(({ cpuTimeMs: _dropped, ...s }) => s) };
}

const metric = (m: MetricDelta[], name: MetricDelta["metric"]) => m.find((x) => x.metric === name)!;

describe("compare: CPU time per epoch", () => {
  const base = run(FAMILIES.map((f, i) => withCpu(cell(key(f), { seed: i + 1, epochs: 8, warmupEpochs: 2 }), 180)));

  it("20% more work in one cell is a regression by CPU time, though wall times scatter too much to tell", () => {
    const head = run(
      FAMILIES.map((f, i) => {
        const work = f === "c" ? 1.2 : 1;
        return withCpu(cell(key(f), { seed: i + 11, epochs: 8, warmupEpochs: 2, epochMs: 200 * work * (1 + LOAD[i]!) }), 180 * work);
      }),
    );
    const comparison = compare(base, head);
    expect(comparison.cells.filter((c) => c.verdict === "regression").map((c) => c.id)).toEqual(["c/tf-data/b32/wasm"]);
    const c = comparison.cells.find((x) => x.id.startsWith("c/"))!;
    expect(metric(c.metrics, "epochCpuMs")).toMatchObject({ verdict: "regression" });
    expect(metric(c.metrics, "epochCpuMs").reason).toMatch(
      /^median epoch CPU \+(19|20|21)\.\d% \(18\d ms → 21\d ms\), Mann-Whitney p = 0\.00\d, 6 vs 6 epochs/,
    );
    expect(metric(c.metrics, "meanEpochMs").verdict).toBe("unchanged");
  });

  it("less CPU per epoch is an improvement", () => {
    const head = run(FAMILIES.map((f, i) => withCpu(cell(key(f), { seed: i + 11, epochs: 8, warmupEpochs: 2 }), f === "e" ? 120 : 180)));
    const e = compare(base, head).cells.find((x) => x.id.startsWith("e/"))!;
    expect(e.verdict).toBe("improvement");
    expect(metric(e.metrics, "epochCpuMs").verdict).toBe("improvement");
  });

  it("results files without CPU time (older harness) are compared on everything else", () => {
    const old = run(FAMILIES.map((f, i) => withoutCpu(cell(key(f), { seed: i + 1, epochs: 8, warmupEpochs: 2 }))));
    const head = run(FAMILIES.map((f, i) => withCpu(cell(key(f), { seed: i + 11, epochs: 8, warmupEpochs: 2 }), 400)));
    const comparison = compare(old, head);
    expect(comparison.regressions).toBe(0);
    expect(metric(comparison.cells[0]!.metrics, "epochCpuMs")).toMatchObject({
      verdict: "unchanged",
      reason: "not compared: only the head run recorded CPU time per epoch",
    });
  });
});
