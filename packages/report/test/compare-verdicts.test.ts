import type { Cell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { compare, parseThresholds, type CellComparison, type Comparison } from "../src/index.js";
import { cell, key, pair, run } from "./_fixtures.js";

const FAMILIES = ["dense", "lstm", "conv", "depthwise-conv"];
const KEYS = FAMILIES.flatMap((f) => [32, 256].map((b) => key(f, "tf-data", b)));

function only(comparison: Comparison, id: string): CellComparison {
  const found = comparison.cells.find((c) => c.id === id);
  if (!found) throw new Error(`no cell ${id}`);
  return found;
}
const metric = (c: CellComparison, name: string) => c.metrics.find((m) => m.metric === name);

describe("compare: reruns of the same code", () => {
  it("identical files: every cell unchanged, 0 regressions", () => {
    const { base } = pair(KEYS);
    const comparison = compare(base, base);
    expect(comparison.regressions).toBe(0);
    expect(comparison.counts.unchanged).toBe(KEYS.length);
    expect(comparison.cells.every((c) => c.metrics.every((m) => m.verdict === "unchanged"))).toBe(true);
  });

  it.each([0.01, 0.03])("reruns with %s relative noise on bytes and time: unchanged", (noise) => {
    for (let rerun = 0; rerun < 5; rerun++) {
      const base = run(KEYS.map((k, i) => cell(k, { noise, seed: 1000 * rerun + i })));
      const head = run(KEYS.map((k, i) => cell(k, { noise, seed: 1000 * rerun + 500 + i })));
      const comparison = compare(base, head);
      expect(comparison.regressions, JSON.stringify(comparison.cells.flatMap((c) => c.reasons))).toBe(0);
      expect(comparison.counts.improvement).toBe(0);
    }
  });
});

describe("compare: injected changes", () => {
  it("+1 tensor/epoch is a regression that names tensors/epoch", () => {
    const { base, head } = pair([key("lstm")], {}, { tensorsPerEpoch: 1 });
    const c = only(compare(base, head), "lstm/tf-data/b32/wasm");
    expect(c.verdict).toBe("regression");
    expect(metric(c, "tensorsPerEpoch")).toMatchObject({ verdict: "regression", base: 0, head: 1, delta: 1 });
    expect(c.reasons.join("\n")).toMatch(/tensors\/epoch/);
  });

  it("a tensor slope rise below 0.5 is not a leak, a leak verdict appearing is", () => {
    const { base, head } = pair([key("lstm")], {}, { tensorsPerEpoch: 0.3 });
    const headCell = head.cells[0]!;
    const notLeaking = { ...head, cells: [{ ...headCell, verdict: "stable" as const }] };
    expect(only(compare(base, notLeaking), headCell.id).verdict).toBe("unchanged");
    const leaking = { ...head, cells: [{ ...headCell, verdict: "leaking" as const, verdictReason: "0.3 tensors/epoch after warm-up" }] };
    const c = only(compare(base, leaking), headCell.id);
    expect(c.verdict).toBe("regression");
    expect(c.reasons[0]).toMatch(/leak verdict appeared \(stable → leaking\)/);
  });

  it("+10% peak bytes with 1% noise is a regression of peak RSS", () => {
    const { base, head } = pair([key("conv")], { baseRssBytes: 300e6 }, { baseRssBytes: 330e6 });
    const c = only(compare(base, head), "conv/tf-data/b32/wasm");
    expect(c.verdict).toBe("regression");
    expect(metric(c, "peakRssBytes")?.verdict).toBe("regression");
    expect(metric(c, "peakRssBytes")?.reason).toMatch(/MiB/);
    expect(metric(c, "rssBytesPerEpoch")?.verdict).toBe("unchanged");
  });

  it("+3% peak bytes stays within the 5% minimum change", () => {
    const { base, head } = pair([key("conv")], { baseRssBytes: 300e6 }, { baseRssBytes: 309e6 });
    expect(only(compare(base, head), "conv/tf-data/b32/wasm").verdict).toBe("unchanged");
  });

  it("bytes that scatter more than the minimum change need a larger delta", () => {
    // 10% noise: the runs' own scatter (≈ 17 MB per run) makes the tolerance exceed 5% of the peak.
    const { base, head } = pair([key("conv")], { baseRssBytes: 300e6, noise: 0.1 }, { baseRssBytes: 330e6, noise: 0.1 });
    const peak = metric(only(compare(base, head), "conv/tf-data/b32/wasm"), "peakRssBytes");
    expect(peak?.verdict).toBe("unchanged");
    expect(peak?.reason).toMatch(/within the tolerance/);
  });

  it("RSS that keeps growing by 10 MB/epoch is a regression of the growth slope", () => {
    const { base, head } = pair([key("dense")], {}, { rssBytesPerEpoch: 10e6 });
    const c = only(compare(base, head), "dense/tf-data/b32/wasm");
    expect(metric(c, "rssBytesPerEpoch")?.verdict).toBe("regression");
    expect(c.verdict).toBe("regression");
  });

  it("+20% epoch time is a regression; −20% an improvement; both move throughput too", () => {
    const slower = pair([key("dense")], { epochMs: 200 }, { epochMs: 240 });
    const c = only(compare(slower.base, slower.head), "dense/tf-data/b32/wasm");
    expect(c.verdict).toBe("regression");
    expect(metric(c, "meanEpochMs")).toMatchObject({ verdict: "regression" });
    expect(metric(c, "meanEpochMs")?.reason).toMatch(/Mann-Whitney p = 0\.00\d/);
    expect(metric(c, "samplesPerSecond")?.verdict).toBe("regression");
    const faster = pair([key("dense")], { epochMs: 200 }, { epochMs: 160 });
    expect(only(compare(faster.base, faster.head), "dense/tf-data/b32/wasm").verdict).toBe("improvement");
  });

  it("+5% epoch time is significant but below the 10% minimum effect", () => {
    const { base, head } = pair([key("dense")], { epochMs: 200, noise: 0.005 }, { epochMs: 210, noise: 0.005 });
    const time = metric(only(compare(base, head), "dense/tf-data/b32/wasm"), "meanEpochMs");
    expect(time?.verdict).toBe("unchanged");
    expect(time?.reason).toMatch(/real but small shift/);
  });

  it("too few epochs after warm-up: time is shown but not judged", () => {
    const { base, head } = pair([key("dense")], { epochs: 4, epochMs: 200 }, { epochs: 4, epochMs: 400 });
    const time = metric(only(compare(base, head), "dense/tf-data/b32/wasm"), "meanEpochMs");
    expect(time?.verdict).toBe("unchanged");
    expect(time?.reason).toMatch(/too few epochs/);
  });
});

function withStatus(c: Cell, status: Cell["status"], error?: Cell["error"]): Cell {
  return { ...c, status, verdict: null, summary: null, ...(error ? { error } : {}) };
}

describe("compare: cells that appear, disappear or stop running", () => {
  const k1 = key("dense");
  const k2 = key("lstm");
  const k3 = key("conv");

  it("new and removed cells are listed, not counted as regressions", () => {
    const comparison = compare(run([cell(k1), cell(k2)]), run([cell(k1), cell(k3)]));
    expect(only(comparison, "conv/tf-data/b32/wasm").verdict).toBe("new");
    expect(only(comparison, "lstm/tf-data/b32/wasm").verdict).toBe("removed");
    expect(comparison.regressions).toBe(0);
    expect(comparison.counts).toMatchObject({ new: 1, removed: 1, unchanged: 1 });
  });

  it("a cell that now crashes or lacks a kernel counts as worse, with the reason", () => {
    const head = run([
      withStatus(cell(k1), "crashed", { message: "killed by SIGKILL", signal: "SIGKILL", code: "KMB_MAX_RSS" }),
      withStatus(cell(k2), "unsupported", { message: "no kernel", kernel: "Conv2DBackpropFilter" }),
      cell(k3),
    ]);
    const comparison = compare(run([cell(k1), cell(k2), cell(k3)]), head);
    expect(only(comparison, "dense/tf-data/b32/wasm")).toMatchObject({ verdict: "crashed" });
    expect(only(comparison, "dense/tf-data/b32/wasm").reasons[0]).toMatch(/now crashes.*SIGKILL/);
    expect(only(comparison, "lstm/tf-data/b32/wasm").verdict).toBe("now-unsupported");
    expect(only(comparison, "lstm/tf-data/b32/wasm").reasons[0]).toMatch(/Conv2DBackpropFilter/);
    expect(comparison.regressions).toBe(2);
    expect(comparison.cells.map((c) => c.verdict)).toEqual(["crashed", "now-unsupported", "unchanged"]);
  });

  it("crashed in both runs is unchanged; running again is an improvement", () => {
    const crashed = withStatus(cell(k1), "crashed", { message: "exit 134" });
    expect(only(compare(run([crashed]), run([crashed])), "dense/tf-data/b32/wasm").verdict).toBe("unchanged");
    expect(only(compare(run([crashed]), run([cell(k1)])), "dense/tf-data/b32/wasm").verdict).toBe("improvement");
  });

  it("orders worse cells first and counts regressions, crashed and now-unsupported together", () => {
    const keys = [key("a"), key("b"), key("c"), key("d")];
    const base = run(keys.map((k, i) => cell(k, { seed: i + 1 })));
    const head = run([
      cell(keys[0]!, { seed: 11 }),
      cell(keys[1]!, { seed: 12, tensorsPerEpoch: 2 }),
      withStatus(cell(keys[2]!), "error", { message: "boom" }),
      cell(keys[3]!, { seed: 14, epochMs: 150 }),
    ]);
    const comparison = compare(base, head);
    expect(comparison.cells.map((c) => [c.id.split("/")[0], c.verdict])).toEqual([
      ["b", "regression"],
      ["c", "crashed"],
      ["d", "improvement"],
      ["a", "unchanged"],
    ]);
    expect(comparison.regressions).toBe(2);
  });
});

describe("compare: thresholds", () => {
  it("a per-pattern threshold applies only to the cells it matches", () => {
    const keys = [key("lstm", "tf-data", 256), key("lstm", "tf-data", 32), key("dense", "tf-data", 256)];
    const { base, head } = pair(keys, {}, { tensorsPerEpoch: 1 });
    const thresholds = parseThresholds({ cells: { "lstm/*/b256/*": { tensorsPerEpoch: 2 } } }, "thresholds.json");
    const comparison = compare(base, head, thresholds);
    expect(only(comparison, "lstm/tf-data/b256/wasm").metrics.find((m) => m.metric === "tensorsPerEpoch")?.verdict).toBe("unchanged");
    expect(only(comparison, "lstm/tf-data/b32/wasm").verdict).toBe("regression");
    expect(only(comparison, "dense/tf-data/b256/wasm").verdict).toBe("regression");
  });

  it("checkTime: false shows the time delta without judging it", () => {
    const { base, head } = pair([key("dense")], { epochMs: 200 }, { epochMs: 300 });
    const comparison = compare(base, head, parseThresholds({ defaults: { checkTime: false } }, "inline"));
    const time = comparison.cells[0]!.metrics.find((m) => m.metric === "meanEpochMs");
    expect(time?.verdict).toBe("unchanged");
    expect(time?.reason).toMatch(/checkTime: false/);
    expect(time?.relative).toBeCloseTo(0.5, 1);
  });

  it("a looser byte minimum lets +10% through", () => {
    const { base, head } = pair([key("conv")], { baseRssBytes: 300e6 }, { baseRssBytes: 330e6 });
    const comparison = compare(base, head, parseThresholds({ defaults: { bytesMinChange: "15%" } }, "inline"));
    expect(comparison.cells[0]!.verdict).toBe("unchanged");
  });
});

describe("compare: GPU memory", () => {
  it("compares peak GPU bytes when both runs measured them, and leaves the metric out otherwise", () => {
    const gpu = (c: Cell, peak: number): Cell => ({
      ...c,
      samples: c.samples.map((s, i) => ({ ...s, gpuUsedBytes: peak - 1e6 * (i % 2) })),
      summary: c.summary ? { ...c.summary, peakGpuUsedBytes: peak } : null,
    });
    const base = run([gpu(cell(key("dense", "tf-data", 32, "tensorflow"), { seed: 1 }), 1e9)]);
    const head = run([gpu(cell(key("dense", "tf-data", 32, "tensorflow"), { seed: 2 }), 1.5e9)]);
    const c = compare(base, head).cells[0]!;
    expect(c.metrics.find((m) => m.metric === "peakGpuUsedBytes")).toMatchObject({ verdict: "regression", base: 1e9, head: 1.5e9 });
    const plain = pair([key("dense")]);
    expect(compare(plain.base, plain.head).cells[0]!.metrics.some((m) => m.metric === "peakGpuUsedBytes")).toBe(false);
  });
});
