import { syntheticResults, type Advice, type AdviceFile, type AdviceProbe } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { renderAdviceMarkdown } from "../src/advise/advice-markdown.js";
import { renderAdviceNotes, renderAdviceTable } from "../src/advise/advice-table.js";
import { probeNote } from "../src/advise/advice-words.js";
import { lstmFitsAtB512, MIB } from "../../../test/_advice.js";

const search = {
  grid: "powers-of-two" as const,
  minBatchSize: 1,
  maxBatchSize: 4096,
  maxProbes: 10,
  epochs: 2,
  samplesPerEpoch: 1024,
  timeoutMs: 600_000,
};

function probe(batchSize: number, fits: boolean, peakMiB: number | null, samplesPerSecond: number | null): AdviceProbe {
  return {
    batchSize,
    reason: "start",
    status: fits || peakMiB !== null ? "ok" : "crashed",
    fits,
    peakBytes: peakMiB === null ? null : peakMiB * MIB,
    samplesPerSecond,
    epochs: 2,
    samplesPerEpoch: Math.max(1024, batchSize),
    durationMs: 4000,
    ...(fits || peakMiB !== null
      ? {}
      : { error: { message: "RSS 321.1 MiB exceeded --max-rss 320.0 MiB; the process was killed", code: "KMB_MAX_RSS" } }),
  };
}

const found: Advice = {
  ...lstmFitsAtB512(),
  peakBytes: 250.8 * MIB,
  headroomBytes: 69.2 * MIB,
  nextBatchSize: 1024,
  reason: "b512 fits (250.8 MiB, 69.2 MiB left); b1024 was killed at the budget",
  probes: [probe(16, true, 210.3, 222.4), probe(1024, false, null, null), probe(512, true, 250.8, 1008)],
};
const atMax: Advice = {
  ...found,
  family: "dense",
  outcome: "max-batch",
  largestBatchSize: 4096,
  peakBytes: 190 * MIB,
  headroomBytes: 130 * MIB,
  nextBatchSize: null,
  reason: "b4096 fits",
  probes: [probe(4096, true, 190, 9000)],
};

describe("advice table", () => {
  it("one aligned row per family × strategy × backend, sizes with units, probes sorted by batch", () => {
    const table = renderAdviceTable([found, atMax], search).split("\n");
    expect(table[0]).toMatch(/^row +largest batch +peak RSS +headroom +did not fit +outcome +probes +samples\/s by batch$/);
    expect(table[2]).toMatch(
      /^lstm\/generator\/wasm +b512 +251 MiB +69\.2 MiB \(21\.6%\) +b1024 +fits +3 +b16 222\/s · b512 1,008\/s · b1024 —$/,
    );
    expect(table[3]).toMatch(
      /^dense\/generator\/wasm +b4096 +190 MiB +130 MiB \(40\.6%\) +none up to b4096 +max-batch +1 +b4096 9,000\/s$/,
    );
    // Right-aligned numbers: the columns end at the same place in every line.
    const end = (line: string, text: string) => line.indexOf(text) + text.length;
    expect(end(table[2]!, "251 MiB")).toBe(end(table[3]!, "190 MiB"));
    expect(end(table[0]!, "peak RSS")).toBe(end(table[2]!, "251 MiB"));
    expect(renderAdviceNotes([found])).toBe("lstm/generator/wasm: b512 fits (250.8 MiB, 69.2 MiB left); b1024 was killed at the budget");
  });

  it("probe notes say what each probe means for the budget", () => {
    expect(probeNote(found.probes[0]!, 320 * MIB)).toBe("fits: 210 MiB of 320 MiB");
    expect(probeNote(found.probes[1]!, 320 * MIB)).toBe("does not fit: killed at the budget");
    expect(probeNote({ ...found.probes[0]!, fits: false, peakBytes: 400 * MIB }, 320 * MIB)).toBe("does not fit: 400 MiB of 320 MiB");
    expect(probeNote({ ...found.probes[0]!, fits: null, peakBytes: null }, 320 * MIB)).toBe("says nothing about memory: the row stops");
  });
});

describe("advice markdown", () => {
  const file: AdviceFile = {
    schemaVersion: 1,
    createdAt: "2026-11-30T09:00:00.000Z",
    suite: { name: "default" },
    search,
    env: syntheticResults([]).env,
    advice: [found],
  };

  it("a heading with the budget, a table, the reasons, how the probes ran and where", () => {
    const md = renderAdviceMarkdown(file);
    const parts = [
      "### Largest batch size under 320 MiB of peak RSS\n",
      "| row | largest batch | peak RSS | headroom | did not fit | outcome | probes | samples/s by batch |\n| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |",
      "| lstm/generator/wasm | b512 | 251 MiB | 69.2 MiB (21.6%) | b1024 | fits | 3 | b16 222/s · b512 1,008/s · b1024 — |",
      "\n- lstm/generator/wasm: b512 fits (250.8 MiB, 69.2 MiB left); b1024 was killed at the budget\n",
      "each probe: 2 epochs of max(1024, batch) samples in its own process, killed when its RSS passes the budget",
      "node v20.20.2 · synthetic × 2 · 24.0 GiB memory · gpu none",
    ];
    for (const part of parts) expect(md).toContain(part);
  });

  it("a user's family name cannot break the table, link, or mention anyone", () => {
    const hostile = { ...file, advice: [{ ...found, family: "x|<img src=1>@team" }] };
    const md = renderAdviceMarkdown(hostile);
    expect(md).toContain("x\\|&lt;img src=1&gt;@&#8203;team/generator/wasm");
    expect(md).not.toContain("<img");
    expect(
      md
        .split("\n")
        .filter((l) => l.startsWith("| x"))
        .every((l) => l.split(/(?<!\\)\|/).length === 10),
    ).toBe(true);
  });
});
