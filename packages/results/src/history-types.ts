// The history store: a folder (the Action keeps it on a branch) holding one results file per commit
// and an index. The Action appends to it; compare finds a PR's base in it; the dashboard draws it.
//
//   index.json            HistoryIndex
//   runs/<sha>.json       ResultsFile of that commit

export const HISTORY_SCHEMA_VERSION = 1;
export const HISTORY_INDEX_FILE = "index.json";
export const HISTORY_RUNS_DIR = "runs";

export interface HistoryEntry {
  /** Full commit sha the results were measured on. */
  sha: string;
  /** Parent shas, so a PR's base can be matched to its nearest stored ancestor. */
  parents: string[];
  /** Branch or ref the run was stored from, e.g. refs/heads/main. */
  ref: string | null;
  /** Commit time (ISO 8601); entries are ordered by it. */
  committedAt: string;
  /** First line of the commit message. */
  message: string | null;
  /** Link to the commit, for dashboards. */
  url: string | null;
  /** Path of the results file, relative to the history folder: runs/<sha>.json. */
  file: string;
}

export interface HistoryIndex {
  schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  entries: HistoryEntry[];
}

export function historyRunPath(sha: string): string {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new Error(`not a commit sha: "${sha}"`);
  return `${HISTORY_RUNS_DIR}/${sha.toLowerCase()}.json`;
}
