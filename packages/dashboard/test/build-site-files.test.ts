import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseResults, syntheticCell, syntheticResults, writeResultsFile } from "@keras-mem-bench/results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "../src/build-dashboard.js";
import type { DashboardModel } from "../src/model-types.js";
import { writeSampleHistory, type SampleHistory } from "../src/sample-history.js";

let dir: string;
let history: SampleHistory;

function readModel(text: string): DashboardModel {
  const prefix = "window.__kmbModel=";
  expect(text.startsWith(prefix)).toBe(true);
  return JSON.parse(text.slice(prefix.length).trim().replace(/;$/, "")) as DashboardModel;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kmb-dashboard-"));
  history = await writeSampleHistory(join(dir, "history"), { commits: 30 });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("sample history", () => {
  it("writes ≥ 30 valid results files of ≥ 32 cells in the history branch's layout", async () => {
    const index = JSON.parse(await readFile(join(dir, "history", "index.json"), "utf8")) as { entries: Array<{ file: string }> };
    expect(index.entries).toHaveLength(30);
    const files = await readdir(join(dir, "history", "runs"));
    expect(files).toHaveLength(30);
    const last = index.entries[29];
    const results = parseResults(JSON.parse(await readFile(join(dir, "history", last?.file ?? ""), "utf8")), "last run");
    expect(results.cells.length).toBeGreaterThanOrEqual(32);
    expect(history.injected.length).toBeGreaterThanOrEqual(2);
  });
});

describe("buildDashboard", () => {
  it("writes a self-contained site: page, bundled script, model and one curves file per run", async () => {
    const out = join(dir, "site");
    const result = await buildDashboard({ history: join(dir, "history"), out, generatedAt: "2026-11-01T00:00:00Z" });
    expect(result).toMatchObject({ commits: 30, cells: 32 });
    expect(result.markers).toBeGreaterThanOrEqual(history.injected.length);
    const html = await readFile(join(out, "index.html"), "utf8");
    expect(html).toContain('<script src="data/model.js"></script>');
    expect(html).toContain('<script src="app.js"></script>');
    expect(html).toContain(".uplot"); // uPlot's CSS is inlined
    // Nothing is fetched from elsewhere at view time.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const js = await readFile(join(out, "app.js"), "utf8");
    expect(js).not.toMatch(/\bimport\s*\(|from\s*"https?:/);
    const model = readModel(await readFile(join(out, "data", "model.js"), "utf8"));
    expect(model.series).toHaveLength(32);
    expect((await readdir(join(out, "data"))).filter((f) => f.startsWith("run-"))).toHaveLength(30);
    expect(await readFile(join(out, "data", "run-29.js"), "utf8")).toMatch(/^window\.__kmbRun\(\{"commit":29,/);
  }, 60_000);

  it("adds a results file as the newest run, or replaces the run of the same commit", async () => {
    const cell = syntheticCell({ family: "dense", strategy: "generator", batchSize: 32, backend: "wasm" });
    const extra = join(dir, "pr.json");
    await writeResultsFile(extra, syntheticResults([cell], { sha: "f".repeat(40), createdAt: "2027-01-01T00:00:00Z" }));
    const rerun = join(dir, "rerun.json");
    const firstSha = history.index.entries[0]?.sha ?? "";
    await writeResultsFile(rerun, syntheticResults([cell], { sha: firstSha, createdAt: "2027-01-02T00:00:00Z" }));
    const out = join(dir, "site-extra");
    const result = await buildDashboard({ history: join(dir, "history"), results: [extra, rerun], out });
    expect(result.commits).toBe(31);
    const model = readModel(await readFile(join(out, "data", "model.js"), "utf8"));
    expect(model.commits[30]?.label).toBe("fffffff");
    expect(model.commits[0]).toMatchObject({ sha: firstSha, source: rerun, cellCount: 1, url: history.index.entries[0]?.url });
  }, 60_000);

  it("names the folder when it holds no history, and the file when a results file is invalid", async () => {
    await expect(buildDashboard({ history: join(dir, "nowhere"), out: join(dir, "x") })).rejects.toThrow(
      /--history .*nowhere: no index\.json there/,
    );
    const bad = join(dir, "bad.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(bad, JSON.stringify({ schemaVersion: 1, cells: "no" })));
    await expect(buildDashboard({ results: [bad], out: join(dir, "y") })).rejects.toThrow(
      /bad\.json is not a valid keras-mem-bench results file/,
    );
    const thresholds = join(dir, "thresholds.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(thresholds, JSON.stringify({ defaults: { bytesMinChange: "lots" } })));
    await expect(buildDashboard({ history: join(dir, "history"), thresholds, out: join(dir, "z") })).rejects.toThrow(
      /thresholds\.json.*bytesMinChange/,
    );
  }, 60_000);
});
