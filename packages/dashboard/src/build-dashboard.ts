// Reads runs, builds the model, writes the site. The only file of the build that writes.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readThresholdsFile, ThresholdsError, type Thresholds } from "@keras-mem-bench/report";
import { bundleClient } from "./bundle-client.js";
import { DashboardError } from "./dashboard-error.js";
import { buildDashboardModel, buildRunCurves, type DashboardRun } from "./dashboard-model.js";
import { loadHistoryRuns, loadResultsRuns, mergeRuns } from "./load-runs.js";
import { renderHtml } from "./render-html.js";

export interface BuildDashboardOptions {
  history?: string | null;
  results?: readonly string[];
  out: string;
  title?: string | null;
  /** A thresholds JSON file for compare(), the same format the Action reads. */
  thresholds?: string | null;
  generatedAt?: string;
}

export interface BuildDashboardResult {
  out: string;
  indexHtml: string;
  commits: number;
  cells: number;
  markers: number;
  /** Bytes written, all files together. */
  bytes: number;
  timings: { loadMs: number; modelMs: number; bundleMs: number; writeMs: number; totalMs: number };
}

export const MODEL_FILE = "data/model.js";
export const SCRIPT_FILE = "app.js";

/** The data files are scripts (not JSON to fetch) so the site also works opened from file://. */
export function modelScript(json: string): string {
  return `window.__kmbModel=${json};\n`;
}
export function runScript(json: string): string {
  return `window.__kmbRun(${json});\n`;
}

async function readThresholds(path: string): Promise<Thresholds> {
  try {
    return await readThresholdsFile(path);
  } catch (error) {
    // A file that cannot be read or is not JSON is a bad --thresholds argument; bad values stay ThresholdsErrors.
    if (error instanceof ThresholdsError && error.problem !== "invalid")
      throw new DashboardError("KMB_DASHBOARD_ARGS", `--thresholds: ${error.message}`);
    throw error;
  }
}

export async function buildDashboard(options: BuildDashboardOptions): Promise<BuildDashboardResult> {
  const t0 = performance.now();
  // The bundle does not depend on the data: build both at once.
  const bundling = bundleClient().then((bundle) => ({ bundle, at: performance.now() }));
  bundling.catch(() => undefined);
  const thresholds = options.thresholds ? await readThresholds(options.thresholds) : undefined;
  const history: DashboardRun[] = options.history ? await loadHistoryRuns(options.history) : [];
  const extra = await loadResultsRuns(options.results ?? []);
  const runs = mergeRuns(history, extra);
  if (runs.length === 0) {
    throw new DashboardError(
      "KMB_DASHBOARD_NO_RUNS",
      `nothing to draw: ${options.history ? `the history at ${options.history} holds no runs` : "no --history and no --results given"}`,
    );
  }
  const t1 = performance.now();
  const model = buildDashboardModel(runs, {
    ...(options.title ? { title: options.title } : {}),
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(thresholds ? { thresholds } : {}),
  });
  const runFiles = runs.map((run, i) => ({
    path: model.commits[i]?.runFile ?? "",
    text: runScript(JSON.stringify(buildRunCurves(run.results, i))),
  }));
  const t2 = performance.now();
  const { bundle, at: bundledAt } = await bundling;
  const html = renderHtml({ title: model.title, css: bundle.css, scriptFile: SCRIPT_FILE, dataFile: MODEL_FILE });

  const files = [
    { path: "index.html", text: html },
    { path: SCRIPT_FILE, text: bundle.js },
    { path: MODEL_FILE, text: modelScript(JSON.stringify(model)) },
    ...runFiles,
  ];
  const t3 = performance.now();
  // data/ is ours alone: clear it so runs dropped from the history do not linger.
  await rm(join(options.out, "data"), { recursive: true, force: true });
  await mkdir(join(options.out, "data"), { recursive: true });
  await Promise.all(files.map((f) => writeFile(join(options.out, f.path), f.text)));
  const t4 = performance.now();
  return {
    out: options.out,
    indexHtml: join(options.out, "index.html"),
    commits: model.commits.length,
    cells: model.series.length,
    markers: model.series.reduce((n, s) => n + s.markers.length, 0),
    bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
    timings: { loadMs: t1 - t0, modelMs: t2 - t1, bundleMs: bundledAt - t0, writeMs: t4 - t3, totalMs: t4 - t0 },
  };
}
