import type { LeakOrigin, ResultsFile } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { compare, renderMarkdown } from "../src/index.js";
import { key, pair } from "./_fixtures.js";

const growing = {
  verdict: "growing" as const,
  verdictReason:
    "retained (JS heap + external) +0.30 MiB/epoch (typical epoch +297 KiB, 128 KiB/epoch needed; external +0.25 MiB/epoch) over epochs 3–8",
  growth: {
    series: [
      { memory: "retained" as const, bytesPerEpoch: 306 * 1024, growing: true },
      { memory: "external" as const, bytesPerEpoch: 256 * 1024, growing: true },
      { memory: "rss" as const, bytesPerEpoch: 100 * 1024, growing: false },
    ],
  },
};

describe("compare: a growing verdict", () => {
  it("appearing in head is a regression, as a leak verdict is, with the run's reason", () => {
    const { base, head } = pair([key()]);
    const grew = { ...head, cells: [{ ...head.cells[0]!, ...growing }] };
    const c = compare(base, grew).cells[0]!;
    expect(c.verdict).toBe("regression");
    expect(c.reasons[0]).toBe(`growth verdict appeared (stable → growing): ${growing.verdictReason}`);
  });

  it("in both runs is not a regression by itself; gone in head is an improvement", () => {
    const { base, head } = pair([key()]);
    const grewBase = { ...base, cells: [{ ...base.cells[0]!, ...growing }] };
    const grewHead = { ...head, cells: [{ ...head.cells[0]!, ...growing }] };
    expect(compare(grewBase, grewHead).cells[0]!.verdict).toBe("unchanged");
    const gone = compare(grewBase, head).cells[0]!;
    expect(gone.verdict).toBe("improvement");
    expect(gone.reasons).toContain("growth verdict gone (growing → stable)");
  });

  it("the PR comment says what grows in head", () => {
    const { base, head } = pair([key()]);
    const markdown = renderMarkdown(compare(base, { ...head, cells: [{ ...head.cells[0]!, ...growing }] }));
    expect(markdown).toContain("- What grows (head): grows: retained (JS heap + external) +306 KiB/epoch, external +256 KiB/epoch");
  });
});

/** `run` with its one cell leaking, from these origins. */
function withLeakOrigins(run: ResultsFile, leakOrigins: LeakOrigin[]): ResultsFile {
  return { ...run, cells: [{ ...run.cells[0]!, verdict: "leaking", leakOrigins }] };
}

describe("compare: leak origins in the PR comment", () => {
  it("names the layer, op and phase of the head's leaked tensors with counts", () => {
    const { base, head } = pair([key("lstm")], {}, { tensorsPerEpoch: 16 });
    const leakingHead = withLeakOrigins(head, [
      { phase: "forward", op: "matMul", layer: "lstm_1", layerClass: "LSTM", tensorsPerEpoch: 12, bytesPerEpoch: 48 * 1024 },
      { phase: "callback", op: "tensor", layer: null, layerClass: null, tensorsPerEpoch: 4, bytesPerEpoch: 16 },
    ]);
    const markdown = renderMarkdown(compare(base, leakingHead));
    expect(markdown).toContain(
      "- Leak origins (head): +16 tensors/epoch (+48.0 KiB/epoch): 12 from layer `lstm_1` (`LSTM`), op `matMul`, forward pass; 4 from op `tensor`, callback",
    );
    expect(markdown.indexOf("Leak origins")).toBeGreaterThan(markdown.indexOf(`**lstm/tf-data/b32/wasm**`));
  });

  it("a name that could break out of inline code is escaped as text instead", () => {
    const { base, head } = pair([key()], {}, { tensorsPerEpoch: 1 });
    const hostile = "x` <img src=y> @team #12";
    const leakingHead = withLeakOrigins(head, [
      { phase: "forward", op: "add", layer: hostile, layerClass: "Custom", tensorsPerEpoch: 1, bytesPerEpoch: 4 },
    ]);
    const markdown = renderMarkdown(compare(base, leakingHead));
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toContain("`x`");
    expect(markdown).toContain("layer x\\` &lt;img src=y&gt; @&#8203;team #&#8203;12 (`Custom`)");
  });
});

describe("compare: growth of RSS alone", () => {
  const rssOnly = (mibPerEpoch: number) => ({
    verdict: "growing" as const,
    verdictReason: `RSS +${mibPerEpoch.toFixed(2)} MiB/epoch (typical epoch +${mibPerEpoch} MiB, 5 of 5 epochs up) over epochs 3–8`,
    growth: {
      series: [
        { memory: "retained" as const, bytesPerEpoch: 90 * 1024, growing: false },
        { memory: "rss" as const, bytesPerEpoch: mibPerEpoch * 2 ** 20, growing: true },
      ],
    },
  });
  /** Base and head whose RSS rises by this much per epoch from 100 MB, nothing else growing. */
  const rising = (mibPerEpoch: number) => {
    const options = { baseRssBytes: 100e6, rssBytesPerEpoch: mibPerEpoch * 2 ** 20, noise: 0.001 };
    return pair([key()], options, options);
  };

  it("past the RSS-only floor (10 MiB every epoch) is a regression when it appears", () => {
    const { base, head } = pair([key()], {}, { baseRssBytes: 100e6, rssBytesPerEpoch: 10 * 2 ** 20, noise: 0.001 });
    const stableBase = { ...base, cells: [{ ...base.cells[0]!, verdict: "stable" as const }] };
    const c = compare(stableBase, { ...head, cells: [{ ...head.cells[0]!, ...rssOnly(10) }] }).cells[0]!;
    expect(c.verdict).toBe("regression");
    expect(c.reasons[0]).toBe(`growth verdict appeared (stable → growing): ${rssOnly(10).verdictReason}`);
  });

  it("in both runs is not a regression by itself", () => {
    const { base, head } = rising(10);
    const c = compare(
      { ...base, cells: [{ ...base.cells[0]!, ...rssOnly(10) }] },
      { ...head, cells: [{ ...head.cells[0]!, ...rssOnly(10) }] },
    );
    expect(c.cells[0]!.verdict).toBe("unchanged");
  });

  it("under the floor (2 MiB/epoch of RSS creep, a verdict from an older harness) counts neither way", () => {
    const { base, head } = rising(2);
    const stable = (run: typeof base) => ({ ...run, cells: [{ ...run.cells[0]!, verdict: "stable" as const }] });
    const creeping = (run: typeof base) => ({ ...run, cells: [{ ...run.cells[0]!, ...rssOnly(2) }] });
    expect(compare(stable(base), creeping(head)).cells[0]!.verdict).toBe("unchanged");
    expect(compare(creeping(base), stable(head)).cells[0]!.verdict).toBe("unchanged");
  });

  it("a base that grew in RSS alone does not hide retained growth appearing in head", () => {
    const { base, head } = pair([key()]);
    const rssOnlyBase = {
      ...base,
      cells: [
        {
          ...base.cells[0]!,
          verdict: "growing" as const,
          growth: { series: [{ memory: "rss" as const, bytesPerEpoch: 2 ** 21, growing: true }] },
        },
      ],
    };
    const c = compare(rssOnlyBase, { ...head, cells: [{ ...head.cells[0]!, ...growing }] }).cells[0]!;
    expect(c.verdict).toBe("regression");
    expect(c.reasons[0]).toMatch(/^growth verdict appeared \(growing in RSS only → growing\)/);
  });
});
