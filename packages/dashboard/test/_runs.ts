// Runs for model tests, straight from the sample generator (no files).
import type { DashboardRun } from "../src/dashboard-model.js";
import { sampleHistory, type SampleHistoryOptions } from "../src/sample-history.js";

export function sampleRuns(options: SampleHistoryOptions = {}): { runs: DashboardRun[]; history: ReturnType<typeof sampleHistory> } {
  const history = sampleHistory(options);
  const runs = history.runs.map(({ entry, results }) => ({
    commit: { sha: entry.sha, committedAt: entry.committedAt, message: entry.message, url: entry.url, ref: entry.ref, source: entry.file },
    results,
  }));
  return { runs, history };
}
