// The I/O edge: reads the history folder and results files, validating each on the way in.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { HISTORY_INDEX_FILE, readHistoryIndex, readResultsFile, type ResultsFile } from "@keras-mem-bench/results";
import { DashboardError } from "./dashboard-error.js";
import type { DashboardRun } from "./dashboard-model.js";

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every run in a history folder (index.json + runs/<sha>.json), oldest first. */
export async function loadHistoryRuns(dir: string): Promise<DashboardRun[]> {
  const indexPath = join(dir, HISTORY_INDEX_FILE);
  const found = await stat(indexPath).catch(() => null);
  if (!found?.isFile()) {
    throw new DashboardError(
      "KMB_DASHBOARD_HISTORY",
      `--history ${dir}: no ${HISTORY_INDEX_FILE} there. Point it at a checkout of the history branch (keras-mem-bench-history).`,
    );
  }
  const index = await readHistoryIndex(dir);
  return mapLimited(index.entries, 8, async (entry) => ({
    commit: { sha: entry.sha, committedAt: entry.committedAt, message: entry.message, url: entry.url, ref: entry.ref, source: entry.file },
    results: await readResultsFile(join(dir, entry.file)),
  }));
}

/** Loose results files become runs of their own, labelled by git sha or file name. */
export async function loadResultsRuns(files: readonly string[]): Promise<DashboardRun[]> {
  return mapLimited(files, 8, async (file) => {
    const results: ResultsFile = await readResultsFile(file);
    const git = results.env.git;
    return {
      commit: { sha: git?.sha ?? null, committedAt: results.createdAt, message: null, url: null, ref: git?.ref ?? null, source: file },
      results,
    };
  });
}

/**
 * History first, then results files by time. A results file measured on a commit the history
 * already holds replaces that run (a re-run is newer) but keeps the commit's message and link.
 */
export function mergeRuns(history: readonly DashboardRun[], extra: readonly DashboardRun[]): DashboardRun[] {
  const runs = [...history];
  const appended: DashboardRun[] = [];
  for (const run of extra) {
    const at = run.commit.sha === null ? -1 : runs.findIndex((r) => r.commit.sha === run.commit.sha);
    const existing = runs[at];
    if (existing) runs[at] = { commit: { ...existing.commit, source: run.commit.source }, results: run.results };
    else appended.push(run);
  }
  appended.sort((a, b) => a.commit.committedAt.localeCompare(b.commit.committedAt));
  return [...runs, ...appended];
}
