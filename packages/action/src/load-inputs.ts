// The files the inputs point at: the head results (one file, or shards to merge), an explicit
// baseline file, and the thresholds. Errors say which input led to which file.
import { relative } from "node:path";
import * as glob from "@actions/glob";
import { mergeResults, parseThresholdsText, readThresholdsFile, type Thresholds } from "@keras-mem-bench/report";
import { readResultsFile, type ResultsFile } from "@keras-mem-bench/results";
import { ConfigError, type ActionConfig } from "./action-config.js";

export interface LoadedResults {
  results: ResultsFile;
  /** The files read, relative to the working directory, in the order merged. */
  files: string[];
}

export async function loadResults(patterns: string[], cwd = process.cwd()): Promise<LoadedResults> {
  const globber = await glob.create(patterns.join("\n"), { matchDirectories: false, implicitDescendants: false });
  const files = [...new Set(await globber.glob())].sort();
  if (files.length === 0)
    throw new ConfigError("results", `no file matches ${patterns.map((p) => `"${p}"`).join(", ")} (working directory ${cwd})`);
  const parts = await Promise.all(
    files.map(async (file) => ({ source: relative(cwd, file) || file, results: await readResultsFile(file) })),
  );
  const only = parts[0];
  if (parts.length === 1 && only) return { results: only.results, files: [only.source] };
  return { results: mergeResults(parts), files: parts.map((p) => p.source) };
}

export async function loadBaselineFile(path: string): Promise<ResultsFile> {
  try {
    return await readResultsFile(path);
  } catch (error) {
    throw new ConfigError("baseline", (error as Error).message);
  }
}

export async function loadThresholds(spec: ActionConfig["thresholds"]): Promise<Thresholds | undefined> {
  if (spec === null) return undefined;
  try {
    return spec.kind === "inline" ? parseThresholdsText(spec.json, 'input "thresholds"') : await readThresholdsFile(spec.path);
  } catch (error) {
    throw new ConfigError("thresholds", (error as Error).message);
  }
}
