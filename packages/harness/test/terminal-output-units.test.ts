import { syntheticCell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { renderNotes, renderSummaryTable, renderTotals } from "../src/cli/summary-table.js";
import { estimateRemainingMs, finishedLine, progressLine } from "../src/parent/progress.js";

const key = { family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm", gpuMemoryGrowth: null };

describe("progress", () => {
  it("shows cell i/N, the current cell and epoch, elapsed and ETA with units", () => {
    const state = {
      total: 32,
      finished: 4,
      running: [
        {
          index: 4,
          cell: {
            id: "lstm/generator/b32/wasm",
            family: "lstm",
            strategy: "generator",
            batchSize: 32,
            backend: "wasm",
            gpuMemoryGrowth: null,
          },
          epoch: 3,
          epochs: 6,
        },
      ],
      elapsedMs: 20_000,
      jobs: 1,
    };
    expect(progressLine(state)).toBe("[5/32] lstm/generator/b32/wasm epoch 3/6 · elapsed 20.0 s · ETA 2 min 20 s");
    expect(estimateRemainingMs({ ...state, finished: 0 })).toBeNull();
    expect(progressLine({ ...state, finished: 0 })).toContain("ETA …");
  });

  it("a finished line says status, verdict or error, and duration", () => {
    const cell = syntheticCell(key);
    // Below 10 s a duration has three significant digits (the one precision rule of @keras-mem-bench/metrics).
    expect(finishedLine(0, 2, cell)).toBe(`[1/2] dense/in-memory/b32/wasm: ok, stable, ${(cell.durationMs / 1000).toFixed(2)} s`);
    const crashed = {
      ...cell,
      status: "crashed" as const,
      verdict: null,
      error: { message: "RSS 612.0 MiB exceeded --max-rss 512.0 MiB; the process was killed" },
    };
    expect(finishedLine(1, 2, crashed)).toContain("[2/2] dense/in-memory/b32/wasm: crashed, RSS 612.0 MiB exceeded");
  });
});

const HEADER_COUNT = 9;

describe("summary table", () => {
  const cells = [
    syntheticCell(key, { rssBytesPerEpoch: 8 * 2 ** 20, baseRssBytes: 200 * 2 ** 20, noise: 0 }),
    syntheticCell({ ...key, family: "lstm" }, { tensorsPerEpoch: 1, noise: 0 }),
  ];

  it("has a unit on every number", () => {
    const table = renderSummaryTable(cells);
    const [header, rule, ...rows] = table.split("\n");
    expect(header).toMatch(/^cell +status +verdict +peak RSS +step peak +RSS growth +tensors +epoch time +throughput$/);
    expect(rule).toMatch(/^─+/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /dense\/in-memory\/b32\/wasm +ok +growing +256 MiB +4\.00 MiB +\+8\.00 MiB\/epoch +±0\.00 tensors\/epoch +200 ms +2,560 samples\/s/,
    );
    expect(rows[1]).toMatch(/lstm\/in-memory\/b32\/wasm +ok +leaking .* \+1\.00 tensors\/epoch/);
    // Every column after the cell id that holds a number is that number with its unit.
    const withUnit = /^[+−±]?\d[\d,]*(\.\d+)? (B|MiB|KiB|tensors\/epoch|B\/epoch|MiB\/epoch|KiB\/epoch|ms|s|samples\/s)$/;
    for (const row of rows) {
      const columns = row!.split(/ {2,}/).slice(1);
      expect(columns).toHaveLength(HEADER_COUNT - 1);
      for (const column of columns.filter((c) => /\d/.test(c))) expect(column, row).toMatch(withUnit);
    }
  });

  it("totals count statuses and verdicts; notes explain what is not ok or not stable", () => {
    expect(renderTotals(cells)).toBe("2 cells: 2 ok · 1 growing, 1 leaking");
    const failed = {
      ...cells[0]!,
      status: "crashed" as const,
      verdict: null,
      verdictReason: "only 1 epoch after 2 warm-up epochs; 3 needed to judge growth",
      error: { message: "killed by SIGKILL" },
    };
    expect(renderNotes([failed])).toBe(
      "dense/in-memory/b32/wasm: crashed: killed by SIGKILL\ndense/in-memory/b32/wasm: no verdict: only 1 epoch after 2 warm-up epochs; 3 needed to judge growth",
    );
  });
});
