// The history branch, read and written through the git data API (no clone, no working tree):
//   index.json        HistoryIndex (ordered by commit time)
//   runs/<sha>.json   the ResultsFile measured on that commit
// Writers race: two pushes to the default branch finish their benchmarks at about the same time.
// Each write is a new commit on the branch tip; a ref update that is not a fast-forward means
// someone else got there first, so we re-read their index, merge our entry in, and try again.
import {
  HISTORY_INDEX_FILE,
  HISTORY_SCHEMA_VERSION,
  historyRunPath,
  parseHistoryIndex,
  parseResults,
  withHistoryEntry,
  type HistoryEntry,
  type HistoryIndex,
  type ResultsFile,
} from "@keras-mem-bench/results";
import type { GitHubApi } from "./github-api.js";

export interface HistorySnapshot {
  branch: string;
  /** Branch tip; null when the branch does not exist yet. */
  tip: string | null;
  tree: string | null;
  index: HistoryIndex;
}

const EMPTY_INDEX: HistoryIndex = { schemaVersion: HISTORY_SCHEMA_VERSION, entries: [] };

/** The blob sha at `path` (slash-separated) under a tree, or null. */
async function findBlob(api: GitHubApi, tree: string, path: string): Promise<string | null> {
  const parts = path.split("/");
  let current = tree;
  for (const [i, part] of parts.entries()) {
    const entries = await api.getTree(current);
    const entry = entries.find((e) => e.path === part);
    if (!entry) return null;
    const last = i === parts.length - 1;
    if (last) return entry.type === "blob" ? entry.sha : null;
    if (entry.type !== "tree") return null;
    current = entry.sha;
  }
  return null;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
}

export async function readHistory(api: GitHubApi, branch: string): Promise<HistorySnapshot> {
  const tip = await api.getBranchTip(branch);
  if (tip === null) return { branch, tip: null, tree: null, index: EMPTY_INDEX };
  const tree = await api.getCommitTree(tip);
  const blob = await findBlob(api, tree, HISTORY_INDEX_FILE);
  if (blob === null) return { branch, tip, tree, index: EMPTY_INDEX };
  const source = `${branch}:${HISTORY_INDEX_FILE}`;
  return { branch, tip, tree, index: parseHistoryIndex(parseJson(await api.getBlob(blob), source), source) };
}

/** The stored results of one commit, validated; null when the branch holds none for it. */
export async function readStoredResults(api: GitHubApi, snapshot: HistorySnapshot, sha: string): Promise<ResultsFile | null> {
  if (snapshot.tree === null) return null;
  const entry = snapshot.index.entries.find((e) => e.sha.toLowerCase() === sha.toLowerCase());
  const path = entry?.file ?? historyRunPath(sha);
  const blob = await findBlob(api, snapshot.tree, path);
  if (blob === null) return null;
  const source = `${snapshot.branch}:${path}`;
  return parseResults(parseJson(await api.getBlob(blob), source), source);
}

export interface StoreOptions {
  /** Attempts before giving up when the branch keeps moving under us. */
  maxAttempts?: number;
  /** First back-off; doubles each retry, with jitter so racing writers spread out. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface StoreOutcome {
  commit: string;
  attempts: number;
  index: HistoryIndex;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Adds `results` as runs/<sha>.json and its entry to index.json in one commit on `branch`. */
export async function storeResults(
  api: GitHubApi,
  branch: string,
  results: ResultsFile,
  entry: Omit<HistoryEntry, "file">,
  options: StoreOptions = {},
): Promise<StoreOutcome> {
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const file = historyRunPath(entry.sha);
  const fullEntry: HistoryEntry = { ...entry, sha: entry.sha.toLowerCase(), file };
  // The results blob does not depend on the branch state: write it once, reuse it on every retry.
  const resultsBlob = await api.createBlob(json(results));
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const snapshot = await readHistory(api, branch);
    const index = withHistoryEntry(snapshot.index, fullEntry);
    const indexBlob = await api.createBlob(json(index));
    const tree = await api.createTree(snapshot.tree, [
      { path: file, sha: resultsBlob },
      { path: HISTORY_INDEX_FILE, sha: indexBlob },
    ]);
    const message = `keras-mem-bench: results of ${fullEntry.sha.slice(0, 12)}`;
    const commit = await api.createCommit(message, tree, snapshot.tip === null ? [] : [snapshot.tip]);
    const outcome = snapshot.tip === null ? await api.createBranch(branch, commit) : await api.updateBranch(branch, commit, snapshot.tip);
    if (outcome === "updated") return { commit, attempts: attempt, index };
    if (attempt < maxAttempts) await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + random()));
  }
  throw new Error(
    `could not store the results of ${fullEntry.sha} in branch "${branch}": it moved under us ${maxAttempts} times in a row. ` +
      "Other jobs are writing to it; run this job with a `concurrency` group or retry it.",
  );
}
