import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readAdviceFile } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { adviseKmb } from "./_advise-io.js";
import { REPO_ROOT } from "./_run.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

// One row (dense × generator on wasm), probes of one epoch of 64 samples: real cell processes, a few seconds each.
const ROW = [
  "--config",
  join(REPO_ROOT, "suites/default.ts"),
  "--filter",
  "family=dense",
  "--filter",
  "strategy=generator",
  "--epochs",
  "1",
  "--samples",
  "64",
];

describe("kmb advise on real cells", () => {
  const dir = useTempFolder("kmb-advise-");

  it("a budget far above the need: probes up to --max-batch, measures each, writes a valid advice file and markdown", async () => {
    const out = join(dir(), "advice.json");
    const markdown = join(dir(), "summary.md");
    const run = await adviseKmb([...ROW, "--budget", "4G", "--max-batch", "64", "--out", out, "--markdown", markdown]);
    expect(run.code, run.stderr).toBe(0);
    const file = await readAdviceFile(out); // validated against the published schema
    expect(file.search).toMatchObject({ grid: "powers-of-two", minBatchSize: 1, maxBatchSize: 64, epochs: 1, samplesPerEpoch: 64 });
    expect(file.env.tfjs["@tensorflow/tfjs-backend-wasm"]).toBe("4.22.0");
    expect(file.advice).toHaveLength(1);
    const row = file.advice[0]!;
    expect(row).toMatchObject({
      family: "dense",
      strategy: "generator",
      backend: "wasm",
      metric: "rss",
      budgetBytes: 4 * 2 ** 30,
      outcome: "max-batch",
      largestBatchSize: 64,
      nextBatchSize: null,
    });
    // The default suite's smallest batch (16) starts, four times it is the second start probe, and that is --max-batch.
    expect(row.probes.map((p) => [p.batchSize, p.reason, p.status, p.fits])).toEqual([
      [16, "start", "ok", true],
      [64, "start", "ok", true],
    ]);
    for (const probe of row.probes) {
      expect(probe.peakBytes!).toBeGreaterThan(50 * 2 ** 20);
      expect(probe.samplesPerSecond!).toBeGreaterThan(0);
      expect(probe).toMatchObject({ epochs: 1, samplesPerEpoch: 64 });
    }
    expect(row.peakBytes).toBe(row.probes[1]!.peakBytes);
    expect(row.headroomBytes).toBe(row.budgetBytes - row.peakBytes!);
    expect(run.stdout).toMatch(
      /dense\/generator\/wasm +b64 +\d+(\.\d+)? MiB +\d+(\.\d+)? GiB \(\d+\.\d%\) +none up to b64 +max-batch +2 +b16 [\d,.]+\/s · b64 [\d,.]+\/s/,
    );
    expect(run.stdout).toMatch(/1 of 1 rows · 2 probes · wall /);
    const md = await readFile(markdown, "utf8");
    expect(md).toMatch(/^### Largest batch size under 4\.00 GiB of peak RSS\n/);
    expect(md).toContain("| dense/generator/wasm | b64 |");
  }, 120_000);

  it("a budget below what the process needs at all: the smallest batch is killed at the budget, and the row says so", async () => {
    const out = join(dir(), "advice.json");
    const run = await adviseKmb([...ROW, "--budget", "40M", "--min-batch", "16", "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    const row = (await readAdviceFile(out)).advice[0]!;
    expect(row).toMatchObject({ outcome: "below-smallest", largestBatchSize: null, peakBytes: null, nextBatchSize: 16 });
    expect(row.probes).toHaveLength(1);
    expect(row.probes[0]).toMatchObject({ batchSize: 16, status: "crashed", fits: false, error: { code: "KMB_MAX_RSS" } });
    expect(run.stdout).toContain("dense/generator/wasm: the budget 40.0 MiB is below the smallest batch: b16 was killed at the budget");
  }, 120_000);
});
