// Prints how long `pnpm dashboard` takes to build and how long the page takes to draw in headless
// Chromium (navigation start → first charts drawn, the page's own "kmb:charts-drawn" mark).
// A benchmark: it prints numbers and asserts nothing.
//   pnpm --filter @keras-mem-bench/dashboard measure
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSampleHistory, type SampleHistoryOptions } from "../src/sample-history.js";
import { launchChromium } from "../test/_browser.js";
import { serveStatic } from "../test/_static-server.js";

const CASES: Array<{ name: string; options: SampleHistoryOptions }> = [
  { name: "36 commits × 32 cells", options: { commits: 36 } },
  {
    name: "30 commits × 256 cells",
    options: { commits: 30, batchSizes: [32, 64, 128, 256], backends: ["wasm", "cpu", "tensorflow", "webgpu"] },
  },
  { name: "200 commits × 64 cells", options: { commits: 200, batchSizes: [32, 64, 128, 256] } },
];
const LOADS = 5;
const root = fileURLToPath(new URL("../../../", import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const tmp = await mkdtemp(join(tmpdir(), "kmb-measure-"));
const browser = await launchChromium();
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}`);
try {
  for (const c of CASES) {
    const history = join(tmp, `${c.name.replace(/\W+/g, "-")}-history`);
    const site = join(tmp, `${c.name.replace(/\W+/g, "-")}-site`);
    await writeSampleHistory(history, c.options);
    // The command a user runs, from a cold process: tsx start-up, reading, validating, bundling, writing.
    const t0 = performance.now();
    const run = spawnSync("corepack", ["pnpm", "-s", "dashboard", "--history", history, "--out", site], { cwd: root, encoding: "utf8" });
    const buildMs = performance.now() - t0;
    if (run.status !== 0) throw new Error(`pnpm dashboard failed: ${run.stderr}`);
    const server = await serveStatic(site);
    const drawn: number[] = [];
    const loaded: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await page.waitForSelector("html[data-drawn='1']");
      // A string, so Node's own `performance` type does not stand in for the page's.
      const marks = (await page.evaluate(
        `({ drawn: performance.getEntriesByName("kmb:charts-drawn")[0]?.startTime ?? NaN, loaded: performance.getEntriesByType("navigation")[0]?.duration ?? NaN })`,
      )) as { drawn: number; loaded: number };
      drawn.push(marks.drawn);
      loaded.push(marks.loaded);
      await page.close();
    }
    await server.close();
    console.log(
      `${c.name}: pnpm dashboard ${(buildMs / 1000).toFixed(2)} s (${run.stdout.trim().split(" in ").pop()} inside the process); ` +
        `page: charts drawn ${median(drawn).toFixed(0)} ms median, ${Math.max(...drawn).toFixed(0)} ms max of ${LOADS} loads (first load ${drawn[0]?.toFixed(0)} ms); load event ${median(loaded).toFixed(0)} ms`,
    );
  }
} finally {
  await browser.close();
  await rm(tmp, { recursive: true, force: true });
}
