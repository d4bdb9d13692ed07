// `pnpm dashboard` ends with the same exit codes as kmb: 2 for every kind of bad input, its message printed alone.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bufferedIo, syntheticCell, syntheticResults } from "@keras-mem-bench/results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardCommand } from "../src/dashboard-command.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kmb-dashboard-exit-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes a valid results file of one dense cell into the test folder; returns its path. */
async function writeOneCellRun(name: string, seed: number): Promise<string> {
  const path = join(dir, name);
  const cell = syntheticCell({ family: "dense", strategy: "tf-data", batchSize: 32, backend: "wasm" }, { seed });
  await writeFile(path, JSON.stringify(syntheticResults([cell])));
  return path;
}

describe("pnpm dashboard exit codes", () => {
  it("exits 2 for a bad flag, a missing history, nothing to draw, an invalid results file and invalid thresholds", async () => {
    const results = await writeOneCellRun("run.json", 1);
    const notResults = join(dir, "not-results.json");
    await writeFile(notResults, JSON.stringify({ cells: "none" }));
    const emptyHistory = join(dir, "empty-history");
    await mkdir(emptyHistory);
    await writeFile(join(emptyHistory, "index.json"), JSON.stringify({ schemaVersion: 1, entries: [] }));
    const badThresholds = join(dir, "thresholds.json");
    await writeFile(badThresholds, JSON.stringify({ defaults: { timeAlpha: 7 } }));
    const cases: Array<[string[], RegExp]> = [
      [["--bogus"], /unknown option "--bogus"/],
      [["--history", join(dir, "no-such-history")], /--history .*no-such-history: no index\.json there/],
      [[], /give --history DIR, --results FILE\.\.\., or both/],
      [["--history", emptyHistory, "--out", join(dir, "site")], /nothing to draw: the history at .*empty-history holds no runs/],
      [["--results", notResults, "--out", join(dir, "site")], /not-results\.json is not a valid keras-mem-bench results file/],
      [["--results", results, "--thresholds", badThresholds, "--out", join(dir, "site")], /thresholds\.json/],
    ];
    for (const [argv, message] of cases) {
      const io = bufferedIo();
      expect([argv.join(" "), await dashboardCommand(argv, io)]).toEqual([argv.join(" "), 2]);
      expect(io.err).toMatch(/^dashboard: /);
      expect(io.err).toMatch(message);
    }
  });

  it("exits 0 and names the page it built", async () => {
    const results = await writeOneCellRun("ok.json", 2);
    const io = bufferedIo();
    expect(await dashboardCommand(["--results", results, "--out", join(dir, "site-ok")], io)).toBe(0);
    expect(io.out).toMatch(/^dashboard: 1 runs × 1 cells, 0 regression markers → .*index\.html/);
    expect(io.err).toBe("");
  });
});
