// A PR is compared with what its base commit measured. When the base has no stored results (its
// benchmark failed, is still running, or the commit was never benchmarked) the nearest ancestor
// that has them is the next best thing, and the report says which one was used.
import type { ResultsFile } from "@keras-mem-bench/results";
import { httpStatus, type GitHubApi } from "./github-api.js";
import { readStoredResults, type HistorySnapshot } from "./history-store.js";

export interface FoundBaseline {
  found: true;
  /** The commit whose results are used. */
  sha: string;
  /** The commit we wanted (the PR's base, or the pushed commit). */
  requestedSha: string;
  /** Commits between the two in `git log` order; 0 when the requested commit itself was stored. */
  distance: number;
  results: ResultsFile;
}

export interface MissingBaseline {
  found: false;
  requestedSha: string;
  /** Commits looked at, the requested one included. */
  searched: number;
  reason: string;
}

export type BaselineLookup = FoundBaseline | MissingBaseline;

export interface FindBaselineOptions {
  /** Whether the start commit itself counts (a PR's base: yes; a pushed commit: no, it is the head). */
  includeStart: boolean;
  maxAncestors: number;
}

export async function findBaseline(
  api: GitHubApi,
  snapshot: HistorySnapshot,
  startSha: string,
  options: FindBaselineOptions,
): Promise<BaselineLookup> {
  const requestedSha = startSha.toLowerCase();
  const missing = (searched: number, reason: string): MissingBaseline => ({ found: false, requestedSha, searched, reason });
  if (snapshot.tip === null) return missing(0, `the history branch "${snapshot.branch}" does not exist yet`);
  const stored = new Set(snapshot.index.entries.map((e) => e.sha.toLowerCase()));
  if (stored.size === 0) return missing(0, `the history branch "${snapshot.branch}" holds no results yet`);

  // The start itself first, without a history walk; if its file is gone, walk its ancestors like any unstored start.
  const startChecked = options.includeStart && stored.has(requestedSha);
  if (startChecked) {
    const results = await readStoredResults(api, snapshot, requestedSha);
    if (results !== null) return { found: true, sha: requestedSha, requestedSha, distance: 0, results };
  }
  let candidates: string[];
  try {
    candidates = (await api.listAncestors(requestedSha, options.maxAncestors + 1)).map((s) => s.toLowerCase());
  } catch (error) {
    // 404/422: the commit is unknown to GitHub (e.g. force-pushed away); that is "no baseline", not a failure.
    const status = httpStatus(error);
    if (status === 404 || status === 422) return missing(0, `commit ${requestedSha} is not in the repository`);
    throw error;
  }
  const first = options.includeStart ? 0 : 1;
  for (let i = startChecked ? 1 : first; i < candidates.length; i++) {
    const sha = candidates[i];
    if (sha === undefined || !stored.has(sha)) continue;
    const results = await readStoredResults(api, snapshot, sha);
    if (results === null) continue; // indexed but the file is gone: keep walking
    return { found: true, sha, requestedSha, distance: i, results };
  }
  const searched = Math.max(0, candidates.length - first);
  return missing(searched, `none of the ${searched} commits from ${requestedSha.slice(0, 7)} back hold stored results`);
}
