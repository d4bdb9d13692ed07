// The built site in a real headless Chromium (Debian's package, driven by playwright-core).
// Without Chromium these tests fail, saying how to install it: a dashboard nobody has opened is untested.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "../src/build-dashboard.js";
import { TREND_METRICS } from "../src/metrics.js";
import { writeSampleHistory, type SampleHistory } from "../src/sample-history.js";
import { launchChromium, paintedCanvases, watchPage, type Browser } from "./_browser.js";
import { serveStatic, type StaticServer } from "./_static-server.js";

const OUTPUT = fileURLToPath(new URL("../test-output/", import.meta.url));
const T = 60_000;

let tmp: string;
let browser: Browser;
let server: StaticServer;
let bigServer: StaticServer;
let history: SampleHistory;

beforeAll(async () => {
  // Chromium first: when it is missing, fail before spending time on anything else.
  browser = await launchChromium();
  tmp = await mkdtemp(join(tmpdir(), "kmb-dashboard-browser-"));
  await mkdir(OUTPUT, { recursive: true });
  history = await writeSampleHistory(join(tmp, "history"), { commits: 32 });
  await buildDashboard({ history: join(tmp, "history"), out: join(tmp, "site"), title: "keras-mem-bench · sample history" });
  server = await serveStatic(join(tmp, "site"));
  // ≥ 200 series: 4 families × 4 strategies × 4 batch sizes × 4 backends.
  await writeSampleHistory(join(tmp, "big"), {
    commits: 30,
    batchSizes: [32, 64, 128, 256],
    backends: ["wasm", "cpu", "tensorflow", "webgpu"],
  });
  await buildDashboard({ history: join(tmp, "big"), out: join(tmp, "big-site") });
  bigServer = await serveStatic(join(tmp, "big-site"));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await bigServer?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

type Watch = ReturnType<typeof watchPage>;
let opened: Array<{ page: Page; watch: Watch }> = [];

/** A new page at `base + hash`; after the test it is closed, and it must have logged no errors. */
async function openPage(base: string, hash = "", origin = base): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.context.newPage();
  const watch = watchPage(page, origin);
  opened.push({ page, watch });
  await page.goto(`${base}${hash}`);
  return { page, watch };
}

/** The dashboard at `base + hash`, once its first view is drawn. */
async function open(base: string, hash = ""): Promise<{ page: Page; watch: Watch }> {
  const { page, watch } = await openPage(base, hash);
  await page.waitForSelector("html[data-drawn='1']", { timeout: 30_000 });
  return { page, watch };
}

afterEach(async () => {
  const pages = opened;
  opened = [];
  for (const { page } of pages) await page.close();
  for (const { watch } of pages) expect(watch.errors).toEqual([]);
});

const count = (page: Page, selector: string) => page.locator(selector).count();
const drawnCards = (page: Page, n: number) =>
  page.waitForFunction(`document.querySelectorAll('.card[data-drawn="1"]').length >= ${n}`, undefined, { timeout: 30_000 });

/** A view of one card per group (8 in the sample history), once the first two have drawn. */
async function openCards(hash: string): Promise<Page> {
  const { page } = await open(server.url, hash);
  expect(await count(page, ".card")).toBe(8);
  await drawnCards(page, 2);
  return page;
}

describe("dashboard in headless Chromium", () => {
  it(
    "loads with no console errors or off-site requests and draws the overview",
    async () => {
      const { page, watch } = await open(server.url);
      expect(await count(page, ".tile")).toBe(32);
      const painted = await paintedCanvases(page, ".tile canvas");
      expect(painted.painted).toBeGreaterThan(0);
      // Most urgent first: the cell that crashed in the newest run.
      expect(await page.locator(".tile").first().getAttribute("data-cell")).toBe(
        history.injected.find((r) => r.metric === "status")?.cells[0],
      );
      expect(await page.locator(".tile").first().getAttribute("data-attention")).toBe("regressed");
      // The regression list answers "when did lstm/generator/b256 start growing?".
      const growth = history.injected.find((r) => r.metric === "rssBytesPerEpoch");
      const sha = history.index.entries[growth?.commit ?? -1]?.sha.slice(0, 7) ?? "missing";
      if (await page.locator("button.more").count()) await page.click("button.more");
      await expect
        .poll(() => page.locator(".regressions li", { hasText: "lstm/generator/b256/wasm" }).filter({ hasText: sha }).count())
        .toBe(1);
      await page.screenshot({ path: join(OUTPUT, "overview.png"), fullPage: true });
      expect(watch.offsite).toEqual([]);
    },
    T,
  );

  it(
    "filters change what is shown, and the metric switch redraws the tiles",
    async () => {
      const { page } = await open(server.url);
      await page.click('label[for="f-families-dense"]');
      await expect.poll(() => count(page, ".tile")).toBe(24);
      await page.click('label[for="f-batchSizes-32"]');
      await expect.poll(() => count(page, ".tile")).toBe(12);
      expect(await page.textContent("#shown-count")).toContain("Showing 12 of 32 cells");
      expect(page.url()).toContain("batch=256");
      await page.click("#f-reset");
      await expect.poll(() => count(page, ".tile")).toBe(32);
      // Alt-click keeps only the clicked value.
      await page.click('label[for="f-families-lstm"]', { modifiers: ["Alt"] });
      await expect.poll(() => count(page, ".tile")).toBe(8);
      await page.click("#f-reset");
      await page.click('label[for="f-attention"]');
      await expect.poll(() => count(page, ".tile")).toBe(8);
      await page.click('label[for="m-tensorsPerEpoch"]');
      await expect.poll(() => page.textContent("#tiles-title")).toContain("Tensor growth");
      await expect.poll(() => count(page, '.tile[data-drawn="1"]')).toBe(8);
      expect((await paintedCanvases(page, ".tile canvas")).painted).toBe(8);
    },
    T,
  );

  it(
    "trends: one chart per family × batch × backend, regression markers and commit links",
    async () => {
      const page = await openCards("#view=trends&metric=rssBytesPerEpoch");
      expect((await paintedCanvases(page, ".card canvas")).painted).toBeGreaterThan(1);
      const lstm = page.locator('.card[data-group="lstm · batch 256 · wasm"]');
      await lstm.scrollIntoViewIfNeeded();
      await expect.poll(() => lstm.getAttribute("data-drawn")).toBe("1");
      expect(await lstm.locator(".badge-regressed").textContent()).toMatch(/regression/);
      expect(await lstm.locator(".u-legend .u-series").count()).toBe(5); // commit + 4 strategies
      expect(await lstm.locator(".caption a.sha").getAttribute("href")).toMatch(
        /^https:\/\/github\.com\/example\/keras-mem-bench\/commit\/[0-9a-f]{40}$/,
      );
      await page.click('label[for="f-families-lstm"]');
      await expect.poll(() => count(page, ".card")).toBe(6);
      await page.screenshot({ path: join(OUTPUT, "trends.png") });
    },
    T,
  );

  it(
    "runs: per-epoch curves with a line per strategy, for any stored commit",
    async () => {
      const page = await openCards("#view=runs");
      const first = page.locator(".card").first();
      expect(await first.locator(".u-legend .u-series").count()).toBe(5);
      expect(await first.locator(".states li").count()).toBe(4);
      await page.selectOption("#run-commit", "3");
      await expect.poll(() => page.url()).toContain(`commit=${history.index.entries[3]?.sha.slice(0, 7)}`);
      await drawnCards(page, 2);
      await page.click('label[for="m-numTensors"]');
      await expect.poll(() => page.textContent("#runs-title")).toContain("Live tensors");
      await drawnCards(page, 2);
      expect((await paintedCanvases(page, ".card canvas")).painted).toBeGreaterThan(1);
    },
    T,
  );

  it(
    "matrix & claims: the newest run as a heatmap whose figure is selectable, and the claims table",
    async () => {
      const { page, watch } = await open(server.url, "#view=matrix");
      // 4 families × 4 strategies × 2 batch sizes of the sample history: a square each, valued unless the cell failed.
      expect(await count(page, ".heatmap svg .heatmap-panel")).toBe(4);
      expect(await count(page, ".heatmap svg .heatmap-square")).toBe(32);
      const newest = history.runs[history.runs.length - 1]!.results.cells;
      expect(await count(page, ".heatmap svg .heatmap-square.value")).toBe(newest.filter((c) => c.status === "ok").length);
      expect(await page.locator(".heatmap svg > text").first().textContent()).toMatch(/^step peak/);
      await page.click('button[data-heatmap="peak-rss"]');
      await expect.poll(() => page.url()).toContain("heatmap=peak-rss");
      expect(await page.locator(".heatmap svg > text").first().textContent()).toMatch(/^peak RSS/);
      expect(await count(page, ".claims tbody tr")).toBe(8);
      expect(await page.locator('.claims tr[data-claim="gpu-memory-growth"] .badge').textContent()).toBe("not measured here");
      expect(watch.errors).toEqual([]);
      await page.close();
    },
    T,
  );

  it(
    "a tile opens the cell's trends for every metric, and Back returns",
    async () => {
      const { page } = await open(server.url);
      await page.click('.tile[data-cell="lstm/generator/b256/wasm"]');
      await expect.poll(() => page.getAttribute("main", "data-view")).toBe("cell");
      // One card per trend metric of the catalogue (TREND_METRICS), step peak included.
      expect(await count(page, "section:first-of-type .card")).toBe(TREND_METRICS.length);
      await drawnCards(page, 3);
      expect(await page.locator(".table tbody tr").count()).toBe(2); // peak RSS and growth, same commit
      await page.goBack();
      await expect.poll(() => page.getAttribute("main", "data-view")).toBe("overview");
    },
    T,
  );

  it(
    "stays usable with 256 series: tiles draw lazily as they scroll into view",
    async () => {
      const { page } = await open(bigServer.url);
      expect(await count(page, ".tile")).toBe(256);
      const drawnAtFirst = await count(page, '.tile[data-drawn="1"]');
      expect(drawnAtFirst).toBeGreaterThan(0);
      expect(drawnAtFirst).toBeLessThan(256);
      const last = page.locator(".tile").last();
      await last.scrollIntoViewIfNeeded();
      await expect.poll(() => last.getAttribute("data-drawn")).toBe("1");
      await page.click('label[for="f-backends-webgpu"]', { modifiers: ["Alt"] });
      await expect.poll(() => count(page, ".tile")).toBe(64);
      await page.screenshot({ path: join(OUTPUT, "overview-256.png") });
    },
    T,
  );

  it(
    "works opened straight from disk (file://), as --open does",
    async () => {
      const url = pathToFileURL(join(tmp, "site", "index.html")).href;
      const { page, watch } = await openPage(url, "#view=runs", "file://");
      await drawnCards(page, 1);
      expect(await count(page, ".card")).toBe(8);
      expect(watch.offsite).toEqual([]);
    },
    T,
  );
});
