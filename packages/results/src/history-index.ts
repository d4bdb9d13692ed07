import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ResultsFileError, type ResultsIssue } from "./results-error.js";
import { HISTORY_INDEX_FILE, HISTORY_SCHEMA_VERSION, type HistoryEntry, type HistoryIndex } from "./history-types.js";

const RUN_FILE = /^runs\/[0-9a-fA-F]{40,64}\.json$/;

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

function entryIssues(entry: unknown, i: number): ResultsIssue[] {
  const at = `/entries/${i}`;
  if (typeof entry !== "object" || entry === null) return [{ path: at, message: "must be an object" }];
  const e = entry as Record<string, unknown>;
  const issues: ResultsIssue[] = [];
  const which = typeof e.sha === "string" ? `entry ${JSON.stringify(e.sha.slice(0, 64))}: ` : "";
  const needString = (key: string, nullable: boolean) => {
    const v = e[key];
    if (!(typeof v === "string" || (nullable && v === null)))
      issues.push({ path: `${at}/${key}`, message: `must be a string${nullable ? " or null" : ""}` });
  };
  needString("sha", false);
  needString("committedAt", false);
  needString("file", false);
  needString("ref", true);
  needString("message", true);
  needString("url", true);
  // The file is joined to a checkout path and read: only the name the writer gives it, no way out.
  if (typeof e.file === "string" && !RUN_FILE.test(e.file))
    issues.push({
      path: `${at}/file`,
      message: `${which}file must be runs/<40 to 64 hex digits>.json, got ${JSON.stringify(e.file.slice(0, 120))}`,
    });
  // The url becomes a link on the dashboard: no javascript: or data: links.
  if (typeof e.url === "string" && !isHttpUrl(e.url))
    issues.push({ path: `${at}/url`, message: `${which}url must be an http(s) URL or null, got ${JSON.stringify(e.url.slice(0, 120))}` });
  if (!Array.isArray(e.parents) || !e.parents.every((p) => typeof p === "string"))
    issues.push({ path: `${at}/parents`, message: "must be an array of shas" });
  return issues;
}

/** Validates a parsed history index; `source` names it in the error. */
export function parseHistoryIndex(data: unknown, source: string): HistoryIndex {
  if (typeof data !== "object" || data === null) throw new ResultsFileError(source, [{ path: "", message: "must be an object" }]);
  const d = data as Record<string, unknown>;
  const issues: ResultsIssue[] = [];
  if (d.schemaVersion !== HISTORY_SCHEMA_VERSION) issues.push({ path: "/schemaVersion", message: `must be ${HISTORY_SCHEMA_VERSION}` });
  if (!Array.isArray(d.entries)) issues.push({ path: "/entries", message: "must be an array" });
  else d.entries.forEach((entry, i) => issues.push(...entryIssues(entry, i)));
  if (issues.length > 0) throw new ResultsFileError(source, issues);
  return data as HistoryIndex;
}

/** Reads `<dir>/index.json`; a folder without one is an empty history. */
export async function readHistoryIndex(dir: string): Promise<HistoryIndex> {
  const path = join(dir, HISTORY_INDEX_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { schemaVersion: HISTORY_SCHEMA_VERSION, entries: [] };
    throw error;
  }
  try {
    return parseHistoryIndex(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError) throw new ResultsFileError(path, [{ path: "", message: `not JSON: ${error.message}` }]);
    throw error;
  }
}

/** Adds or replaces the entry for a sha and keeps entries ordered by commit time. Pure. */
export function withHistoryEntry(index: HistoryIndex, entry: HistoryEntry): HistoryIndex {
  const entries = index.entries.filter((e) => e.sha !== entry.sha);
  entries.push(entry);
  entries.sort((a, b) => a.committedAt.localeCompare(b.committedAt) || a.sha.localeCompare(b.sha));
  return { schemaVersion: HISTORY_SCHEMA_VERSION, entries };
}
