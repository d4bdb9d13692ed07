// `kmb claims --from FILE`: the claims report from a results file already measured (no cells run).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bufferedIo as capture, syntheticCell, syntheticResults, type Cell } from "@keras-mem-bench/results";
import { beforeEach, describe, expect, it } from "vitest";
import { claimsCommand } from "../src/cli/command-claims.js";
import { heatmapCommand } from "../src/cli/command-heatmap.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

const MiB = 2 ** 20;

/** A dense cell on 65,536 samples; in-memory holds the 50 MiB data set as tensors and peaks 110 MiB higher. */
function denseCell(strategy: string): Cell {
  const cell = syntheticCell({ family: "dense", strategy, batchSize: 64, backend: "wasm" }, { samplesPerEpoch: 65536, noise: 0 });
  const inMemory = strategy === "in-memory";
  return {
    ...cell,
    summary: { ...cell.summary!, peakRssBytes: (inMemory ? 280 : 170) * MiB },
    memoryParts: {
      ...cell.memoryParts!,
      datasetTensorBytes: inMemory ? 50 * MiB : 0,
      betweenStepsTensorBytes: inMemory ? 50 * MiB : 0.05 * MiB,
    },
  };
}

describe("kmb claims --from", () => {
  const dir = useTempFolder("kmb-claims-");
  let resultsPath: string;
  beforeEach(async () => {
    resultsPath = join(dir(), "claims.json");
    await writeFile(resultsPath, JSON.stringify(syntheticResults([denseCell("in-memory"), denseCell("generator")])));
  });

  it("prints every claim with its verdict, figures and cells, and exits 0", async () => {
    const io = capture();
    expect(await claimsCommand(["--from", resultsPath], io)).toBe(0);
    expect(io.out).toMatch(/^holds +Loading whole arrays \(model\.fit\(x, y\)\) keeps the whole dataset in memory; generators do not\.$/m);
    expect(io.out).toMatch(/^ +· dense\/in-memory\/b64\/wasm: 50\.0 MiB of dataset tensors after prepare \(65,536 samples, 800 B each\)$/m);
    expect(io.out).toMatch(/^not measured here +Turning on GPU memory growth/m);
    expect(io.out.match(/^(holds|does not hold|partly|not measured here) {2}/gm)).toHaveLength(8);
  });

  it("--markdown writes the same claims as a table", async () => {
    const io = capture();
    const markdown = join(dir(), "claims.md");
    expect(await claimsCommand([`--from=${resultsPath}`, "--markdown", markdown], io)).toBe(0);
    const text = await readFile(markdown, "utf8");
    expect(text.split("\n").filter((l) => l.startsWith("| "))).toHaveLength(2 + 8);
    expect(text).toContain("| Loading whole arrays (model.fit(x, y)) keeps the whole dataset in memory; generators do not. | ✅ holds |");
    expect(io.err).toBe(`Claims written to ${markdown}\n`);
  });

  it("a missing or invalid file, or run options next to --from, exit 2 and say what is wrong", async () => {
    const missing = capture();
    expect(await claimsCommand(["--from", join(dir(), "nope.json")], missing)).toBe(2);
    expect(missing.err).toContain("nope.json");
    const invalidPath = join(dir(), "invalid.json");
    await writeFile(invalidPath, JSON.stringify({ schemaVersion: 2, cells: "no" }));
    const invalid = capture();
    expect(await claimsCommand(["--from", invalidPath], invalid)).toBe(2);
    expect(invalid.err).toContain("invalid.json");
    const mixed = capture();
    expect(await claimsCommand(["--from", resultsPath, "--filter", "family=dense"], mixed)).toBe(2);
    expect(mixed.err).toBe("kmb claims: --from reports from a file; it takes no run options (got --filter family=dense)\n");
    const empty = capture();
    expect(await claimsCommand(["--from"], empty)).toBe(2);
    expect(empty.err).toMatch(/^kmb claims: --from needs a file/);
  });
});

describe("kmb heatmap", () => {
  it("writes the matrix of a results file as an SVG, and refuses an unknown metric", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kmb-heatmap-"));
    try {
      const resultsPath = join(dir, "r.json");
      await writeFile(resultsPath, JSON.stringify(syntheticResults([denseCell("in-memory"), denseCell("generator")])));
      const io = capture();
      const svgPath = join(dir, "m.svg");
      expect(await heatmapCommand([resultsPath, "--metric", "resident", "--out", svgPath], io)).toBe(0);
      const svg = await readFile(svgPath, "utf8");
      expect(svg).toMatch(/^<svg /);
      expect(svg).toContain('data-cell="dense/in-memory/b64/wasm" data-bytes="52428800"');
      const bad = capture();
      expect(await heatmapCommand([resultsPath, "--metric", "rss"], bad)).toBe(2);
      expect(bad.err).toBe('--metric "rss": one of step-peak, resident, peak-rss\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
