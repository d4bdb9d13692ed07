// Renders the README screenshot (docs/dashboard.png) from a generated sample history:
//   pnpm --filter @keras-mem-bench/dashboard screenshot
import { rm, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { buildDashboard } from "../src/build-dashboard.js";
import { writeSampleHistory } from "../src/sample-history.js";
import { launchChromium } from "../test/_browser.js";
import { serveStatic } from "../test/_static-server.js";

const work = fileURLToPath(new URL("../test-output/screenshot/", import.meta.url));
const target = fileURLToPath(new URL("../../../docs/dashboard.png", import.meta.url));
const hash = process.argv[2] ?? "";

await rm(work, { recursive: true, force: true });
await writeSampleHistory(join(work, "history"), { commits: 36 });
await buildDashboard({ history: join(work, "history"), out: join(work, "site"), title: "keras-mem-bench · sample history" });
const server = await serveStatic(join(work, "site"));
const browser = await launchChromium({ width: 1280, height: 940 });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector("html[data-drawn='1']");
  // Let the tiles in view finish drawing before the picture.
  await page.waitForTimeout(300);
  await page.screenshot({ path: target });
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshot → ${target} (${Math.round((await stat(target)).size / 1024)} KiB)`);
