// Debian's Chromium driven by playwright-core: a real browser, no downloaded browser builds.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.KMB_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}. The dashboard's browser tests need a real Chromium:
  Debian/Ubuntu (as root): apt-get update && apt-get install -y --no-install-recommends chromium
  or point KMB_CHROMIUM at a Chrome/Chromium binary.`;

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Fails (never skips) when Chromium is absent, with the command that installs it. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
  // An empty profile each time: no extensions, no cache, nothing from an earlier run.
  const userDataDir = await mkdtemp(join(tmpdir(), "kmb-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport,
    colorScheme: "light",
    reducedMotion: "reduce",
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Console errors, page errors and requests that leave the site, collected while a page runs. */
export function watchPage(page: Page, origin: string): { errors: string[]; offsite: string[] } {
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) offsite.push(url);
  });
  page.on("requestfailed", (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
  return { errors, offsite };
}

// The few DOM types the page functions below use; the test tsconfig has no DOM lib on purpose.
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
interface DocumentLike {
  querySelectorAll(selector: string): ArrayLike<CanvasLike>;
}

/** Canvases on the page with at least `min` pixels that are not transparent. */
export function paintedCanvases(page: Page, selector = "canvas", min = 20): Promise<{ total: number; painted: number }> {
  return page.evaluate(
    ({ selector, min }) => {
      const doc = (globalThis as unknown as { document: DocumentLike }).document;
      const canvases = Array.from(doc.querySelectorAll(selector));
      let painted = 0;
      for (const canvas of canvases) {
        if (canvas.width === 0 || canvas.height === 0) continue;
        const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
        if (!data) continue;
        let count = 0;
        for (let i = 3; i < data.length && count < min; i += 4) if ((data[i] ?? 0) > 0) count++;
        if (count >= min) painted++;
      }
      return { total: canvases.length, painted };
    },
    { selector, min },
  );
}
