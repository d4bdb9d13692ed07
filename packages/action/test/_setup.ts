import { syntheticCell, syntheticResults, type ResultsFile } from "@keras-mem-bench/results";
import { afterEach, expect } from "vitest";
import { createGitHubApi, type GitHubApi } from "../src/github-api.js";
import { FakeGitHub, type FakeGitHubOptions } from "./_fake-github.js";

export const HISTORY_BRANCH = "keras-mem-bench-history";

export async function startFake(options: FakeGitHubOptions = {}): Promise<{ fake: FakeGitHub; api: GitHubApi }> {
  const fake = new FakeGitHub(options);
  await fake.start();
  return { fake, api: createGitHubApi({ token: "test-token", baseUrl: fake.url, repo: { owner: fake.owner, repo: fake.repo } }) };
}

/**
 * One fake GitHub per test: returns what starts it, and after each test that started one, stops it and
 * checks that the action sent it nothing off the OpenAPI spec.
 */
export function useFakeGitHub(): (options?: FakeGitHubOptions) => Promise<{ fake: FakeGitHub; api: GitHubApi }> {
  let started: FakeGitHub | undefined;
  afterEach(async () => {
    const fake = started;
    started = undefined;
    if (!fake) return;
    try {
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
  return async (options) => {
    const setup = await startFake(options);
    started = setup.fake;
    return setup;
  };
}

export function resultsFor(sha: string | null, options: { tensorsPerEpoch?: number } = {}): ResultsFile {
  return syntheticResults(
    [
      syntheticCell({ family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" }, { seed: 1 }),
      syntheticCell(
        { family: "lstm", strategy: "tf-data", batchSize: 32, backend: "wasm" },
        { seed: 2, tensorsPerEpoch: options.tensorsPerEpoch ?? 0 },
      ),
    ],
    sha ? { sha } : {},
  );
}

/** Stores results for `shas` in the fake's history branch as the action would have. */
export function seedHistory(fake: FakeGitHub, shas: string[]): void {
  const entries = shas.map((sha, i) => ({
    sha,
    parents: [],
    ref: "refs/heads/main",
    committedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
    message: `commit ${i}`,
    url: null,
    file: `runs/${sha}.json`,
  }));
  const files: Record<string, string> = { "index.json": JSON.stringify({ schemaVersion: 1, entries }) };
  for (const sha of shas) files[`runs/${sha}.json`] = JSON.stringify(resultsFor(sha));
  fake.commitFiles(HISTORY_BRANCH, files, "seed history");
}
