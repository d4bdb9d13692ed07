// Every input is read and checked here, once, so a typo fails the step before any API call and
// the message names the input the user has to fix.

/** The outputs action.yml declares; run() sets each of them on every completed run. */
export const ACTION_OUTPUTS = ["regressions", "report-path", "baseline-sha"] as const;
export type ActionOutput = (typeof ACTION_OUTPUTS)[number];

export type CommentPolicy = "always" | "on-regression" | "never";
export type StoreHistoryPolicy = "auto" | "true" | "false";
export type ActionMode = "auto" | "guard";

export interface ActionConfig {
  mode: ActionMode;
  /** Paths or glob patterns, one per line or comma-separated; several files are shards to merge. */
  results: string[];
  /** A results file to compare with; null means: look the base commit up in the history branch. */
  baseline: string | null;
  historyBranch: string;
  githubToken: string;
  /** A path to a thresholds JSON file, or inline JSON; null for the report's defaults. */
  thresholds: { kind: "file"; path: string } | { kind: "inline"; json: string } | null;
  comment: CommentPolicy;
  failOnRegression: boolean;
  storeHistory: StoreHistoryPolicy;
  allowForkOnSelfHosted: boolean;
  /** The pull request to comment on, for events that carry none (workflow_run from a fork). */
  prNumber: number | null;
  /** How many commits to walk back from the base commit looking for stored results. */
  maxAncestors: number;
}

/** An input that cannot be used; `input` is its name as written in action.yml. */
export class ConfigError extends Error {
  readonly code = "KMB_ACTION_INPUT";
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`input "${input}": ${message}`);
    this.name = "ConfigError";
  }
}

/** Reads one input by its action.yml name; returns "" when unset (as @actions/core does). */
export type InputReader = (name: string) => string;

function oneOf<T extends string>(read: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(name).trim();
  if (raw === "") return fallback;
  const value = raw.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(" | ")}`);
}

function boolean(read: InputReader, name: string, fallback: boolean): boolean {
  const raw = read(name).trim();
  if (raw === "") return fallback;
  if (/^(true|yes|on|1)$/i.test(raw)) return true;
  if (/^(false|no|off|0)$/i.test(raw)) return false;
  throw new ConfigError(name, `"${raw}" is not a boolean (true or false)`);
}

function positiveInteger(read: InputReader, name: string, fallback: number | null, max: number): number | null {
  const raw = read(name).trim();
  if (raw === "") return fallback;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
    throw new ConfigError(name, `"${raw}" is not a whole number from 1 to ${max}`);
  return Number(raw);
}

// Git's own ref-name rules, the parts a branch name given as input can break.
function branchName(read: InputReader, name: string, fallback: string): string {
  const raw = read(name).trim() || fallback;
  const bad =
    raw.startsWith("/") ||
    raw.endsWith("/") ||
    raw.endsWith(".lock") ||
    raw.startsWith("refs/") ||
    raw.includes("..") ||
    raw.includes("//") ||
    raw.includes("@{") ||
    /[\s~^:?*[\\]/.test(raw) ||
    [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) ||
    raw.split("/").some((part) => part.startsWith("."));
  if (bad) throw new ConfigError(name, `"${raw}" is not a valid branch name (give the short name, e.g. keras-mem-bench-history)`);
  return raw;
}

function patterns(read: InputReader, name: string): string[] {
  return read(name)
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export function readConfig(read: InputReader): ActionConfig {
  const mode = oneOf<ActionMode>(read, "mode", ["auto", "guard"], "auto");
  const allowForkOnSelfHosted = boolean(read, "allow-fork-on-self-hosted", false);
  const results = patterns(read, "results");
  if (mode !== "guard" && results.length === 0)
    throw new ConfigError("results", "is required: a results file path or glob (shards are merged)");
  const baseline = read("baseline").trim();
  const thresholdsRaw = read("thresholds").trim();
  const thresholds: ActionConfig["thresholds"] =
    thresholdsRaw === ""
      ? null
      : thresholdsRaw.startsWith("{")
        ? { kind: "inline", json: thresholdsRaw }
        : { kind: "file", path: thresholdsRaw };
  const prNumber = positiveInteger(read, "pr-number", null, 2 ** 31 - 1);
  return {
    mode,
    results,
    baseline: baseline === "" ? null : baseline,
    historyBranch: branchName(read, "history-branch", "keras-mem-bench-history"),
    githubToken: read("github-token").trim(),
    thresholds,
    comment: oneOf<CommentPolicy>(read, "comment", ["always", "on-regression", "never"], "always"),
    failOnRegression: boolean(read, "fail-on-regression", true),
    storeHistory: oneOf<StoreHistoryPolicy>(read, "store-history", ["auto", "true", "false"], "auto"),
    allowForkOnSelfHosted,
    prNumber,
    maxAncestors: positiveInteger(read, "max-ancestors", 200, 1000) ?? 200,
  };
}

/** How GitHub passes an input to a JavaScript action: INPUT_ + name upper-cased, spaces as _, dashes kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export function envInputReader(env: NodeJS.ProcessEnv): InputReader {
  return (name) => env[inputEnvName(name)] ?? "";
}
