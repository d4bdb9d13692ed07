// Tensor bytes are exact for the same code, so compare judges them without a noise allowance: one more MiB
// of activations per step is a regression on the first pair of runs, and a rerun of the same code (RSS and
// time jittering, tensor bytes identical) is clean. Version-1 files, which lack these figures, still compare.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseResults, type Cell, type ResultsFile } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { compare, parseThresholds, renderMarkdown, renderTerminal, type CellComparison } from "../src/index.js";
import { key, pair } from "./_fixtures.js";

const MiB = 2 ** 20;
const KEYS = ["dense", "lstm", "conv", "depthwise-conv"].flatMap((f) => [32, 64].map((b) => key(f, "generator", b)));
const metric = (c: CellComparison, name: string) => c.metrics.find((m) => m.metric === name);

describe("compare: tensor bytes exactly", () => {
  it("a rerun of the same code: bytes and time jitter, tensor bytes identical, nothing changes", () => {
    const { base, head } = pair(KEYS, { noise: 0.02 }, { noise: 0.02 });
    const comparison = compare(base, head);
    expect(comparison.regressions).toBe(0);
    for (const c of comparison.cells) {
      expect(metric(c, "peakStepTensorBytes")).toMatchObject({
        delta: 0,
        verdict: "unchanged",
        reason: "identical (tensor bytes are exact)",
      });
      expect(metric(c, "optimizerStateBytes")).toMatchObject({ delta: 0, verdict: "unchanged" });
    }
  });

  it("1 MiB more activations per step in one cell: a regression on the first pair, named with both figures", () => {
    const { base, head } = pair(KEYS, { noise: 0.02 }, { noise: 0.02 });
    const target = head.cells.find((c) => c.id === "lstm/generator/b32/wasm")!;
    target.summary!.peakStepTensorBytes! += MiB;
    target.summary!.peakActivationBytes! += MiB;
    const comparison = compare(base, head);
    expect(comparison.regressions).toBe(1);
    const judged = comparison.cells.find((c) => c.id === target.id)!;
    expect(judged.verdict).toBe("regression");
    expect(metric(judged, "peakStepTensorBytes")).toMatchObject({ delta: MiB, verdict: "regression" });
    expect(judged.reasons.join("\n")).toMatch(
      /peakStepTensorBytes: \+1\.00 MiB \(4\.00 MiB → 5\.00 MiB\): exact tensor bytes; any change counts/,
    );
    expect(judged.reasons.join("\n")).toMatch(/peakActivationBytes: \+1\.00 MiB/);
    // Shown where people look: the terminal table and the PR comment both have the step peak column.
    expect(renderTerminal(comparison)).toMatch(/step peak/);
    expect(renderMarkdown(comparison)).toMatch(/step peak/);
  });

  it("a few bytes less is an improvement, and a stated tolerance absorbs it", () => {
    const { base, head } = pair(KEYS);
    head.cells[0]!.memoryParts!.optimizerStateBytes! -= 8;
    expect(
      metric(
        compare(base, head).cells.find((c) => c.id === head.cells[0]!.id)!,
        "optimizerStateBytes",
      )!.verdict,
    ).toBe("improvement");
    const tolerant = parseThresholds({ defaults: { tensorBytesTolerance: 16 } }, "test");
    const judged = compare(base, head, tolerant).cells.find((c) => c.id === head.cells[0]!.id)!;
    expect(metric(judged, "optimizerStateBytes")).toMatchObject({
      verdict: "unchanged",
      reason: expect.stringMatching(/within the 16 B tolerance/),
    });
  });
});

describe("compare: a version-1 file against a version-2 file", () => {
  const V1_FILE = fileURLToPath(new URL("../../results/test/fixtures/results-v1.json", import.meta.url));

  /** The same cells as the v1 file, as this code writes them: version 2 with step peaks and memory parts. */
  function asVersion2(v1: ResultsFile): ResultsFile {
    const cells = v1.cells.map((c): Cell => ({
      ...c,
      summary: c.summary && { ...c.summary, peakStepTensorBytes: 6 * MiB, peakStepTensors: 1200, peakActivationBytes: 5 * MiB },
      memoryParts: {
        baselineRssBytes: 150 * MiB,
        datasetTensorBytes: 0,
        datasetRetainedBytes: 0,
        betweenStepsTensorBytes: 4096,
        weightBytes: 59_280,
        optimizerStateBytes: 118_568,
      },
    }));
    return parseResults({ ...v1, schemaVersion: 2, cells }, "v2");
  }

  it("compares both ways: the shared metrics judged, the new ones not compared, no column for a figure nobody has", async () => {
    const v1 = parseResults(JSON.parse(await readFile(V1_FILE, "utf8")), V1_FILE);
    expect(v1.schemaVersion).toBe(1);
    const v2 = asVersion2(v1);
    for (const [base, head, missing] of [
      [v1, v2, "only the head run measured it"],
      [v2, v1, "only the base run measured it"],
    ] as const) {
      const comparison = compare(base, head);
      expect(comparison.regressions).toBe(0);
      expect(comparison.cells).toHaveLength(4);
      for (const c of comparison.cells) {
        expect(c.verdict).toBe("unchanged");
        expect(metric(c, "peakRssBytes")).toMatchObject({ delta: 0, verdict: "unchanged" });
        expect(metric(c, "peakStepTensorBytes")).toMatchObject({ delta: null, verdict: "unchanged", reason: `not compared: ${missing}` });
      }
    }
    expect(renderTerminal(compare(v1, v1))).not.toMatch(/step peak/);
  });
});

describe("compare: a real version-2 file against the same run written as version 3", () => {
  const V2_FILE = fileURLToPath(new URL("../../results/test/fixtures/results-v2.json", import.meta.url));

  it("judges every figure both files have, exactly for tensor bytes", async () => {
    const v2 = parseResults(JSON.parse(await readFile(V2_FILE, "utf8")), V2_FILE);
    expect(v2.schemaVersion).toBe(2);
    const v3 = parseResults({ ...v2, schemaVersion: 3 }, "v3");
    for (const [base, head] of [
      [v2, v3],
      [v3, v2],
    ] as const) {
      const comparison = compare(base, head);
      expect(comparison.regressions).toBe(0);
      expect(comparison.cells.map((c) => c.verdict)).toEqual(["unchanged", "unchanged"]);
      for (const c of comparison.cells) {
        expect(metric(c, "peakStepTensorBytes")).toMatchObject({ delta: 0, verdict: "unchanged" });
        expect(metric(c, "peakRssBytes")).toMatchObject({ delta: 0, verdict: "unchanged" });
      }
    }
  });
});
