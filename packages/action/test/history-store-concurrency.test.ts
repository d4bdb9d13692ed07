import {
  HISTORY_SCHEMA_VERSION,
  parseHistoryIndex,
  parseResults,
  syntheticCell,
  syntheticResults,
  withHistoryEntry,
} from "@keras-mem-bench/results";
import { describe, expect, test } from "vitest";
import { readHistory, storeResults } from "../src/history-store.js";
import type { FakeGitHub, FakeGitHubOptions } from "./_fake-github.js";
import { useFakeGitHub } from "./_setup.js";

const BRANCH = "keras-mem-bench-history";
const noSleep = async () => {};
const startFake = useFakeGitHub();
let fake: FakeGitHub;

async function setUp(options: FakeGitHubOptions = {}) {
  const setup = await startFake(options);
  fake = setup.fake;
  return setup.api;
}

const results = (sha: string) =>
  syntheticResults([syntheticCell({ family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" })], { sha });
const entry = (sha: string, committedAt: string) => ({ sha, parents: [], ref: "refs/heads/main", committedAt, message: "m", url: null });
const indexOf = (f: FakeGitHub) => parseHistoryIndex(JSON.parse(f.readFile(BRANCH, "index.json") ?? "null"), "index.json");

describe("history store", () => {
  test("creates the branch on first store with the run file and its index entry", async () => {
    const api = await setUp();
    const sha = "a".repeat(40);
    const outcome = await storeResults(api, BRANCH, results(sha), entry(sha, "2026-11-01T00:00:00Z"), { sleep: noSleep });
    expect(outcome.attempts).toBe(1);
    expect(indexOf(fake).entries.map((e) => [e.sha, e.file])).toEqual([[sha, `runs/${sha}.json`]]);
    expect(parseResults(JSON.parse(fake.readFile(BRANCH, `runs/${sha}.json`) ?? "null"), "run").env.git?.sha).toBe(sha);
    expect(fake.count("git/create-ref")).toBe(1);
  });

  test("keeps earlier runs when adding one", async () => {
    const api = await setUp();
    const first = "b".repeat(40);
    const second = "c".repeat(40);
    await storeResults(api, BRANCH, results(first), entry(first, "2026-11-01T00:00:00Z"), { sleep: noSleep });
    await storeResults(api, BRANCH, results(second), entry(second, "2026-11-02T00:00:00Z"), { sleep: noSleep });
    expect(indexOf(fake).entries.map((e) => e.sha)).toEqual([first, second]);
    expect(fake.readFile(BRANCH, `runs/${first}.json`)).not.toBeNull();
    const snapshot = await readHistory(api, BRANCH);
    expect(snapshot.index.entries).toHaveLength(2);
  });

  test("a concurrent writer moving the branch makes the update retry, and both entries survive", async () => {
    const theirs = "d".repeat(40);
    const ours = "e".repeat(40);
    const api = await setUp({
      beforeRefUpdate: (f, _ref, attempt) => {
        if (attempt !== 1) return;
        // Another job stores its run between our read and our ref update.
        const index = withHistoryEntry(
          { schemaVersion: HISTORY_SCHEMA_VERSION, entries: [] },
          { ...entry(theirs, "2026-11-03T00:00:00Z"), file: `runs/${theirs}.json` },
        );
        f.commitFiles(BRANCH, { "index.json": JSON.stringify(index), [`runs/${theirs}.json`]: JSON.stringify(results(theirs)) });
      },
    });
    fake.commitFiles(BRANCH, { "README.md": "history" });
    const delays: number[] = [];
    const outcome = await storeResults(api, BRANCH, results(ours), entry(ours, "2026-11-04T00:00:00Z"), {
      sleep: async (ms) => void delays.push(ms),
    });
    expect(outcome.attempts).toBe(2);
    expect(delays).toHaveLength(1);
    expect(fake.requests.filter((r) => r.operationId === "git/update-ref").map((r) => r.status)).toEqual([422, 200]);
    expect(indexOf(fake).entries.map((e) => e.sha)).toEqual([theirs, ours]);
    expect(fake.readFile(BRANCH, `runs/${theirs}.json`)).not.toBeNull();
    expect(fake.readFile(BRANCH, `runs/${ours}.json`)).not.toBeNull();
    expect(fake.readFile(BRANCH, "README.md")).toBe("history");
  });

  test("gives up after the bounded number of attempts and names the branch", async () => {
    let n = 0;
    const api = await setUp({ beforeRefUpdate: (f) => void f.commitFiles(BRANCH, { [`noise-${n++}.txt`]: "x" }) });
    fake.commitFiles(BRANCH, { "README.md": "history" });
    const sha = "f".repeat(40);
    await expect(
      storeResults(api, BRANCH, results(sha), entry(sha, "2026-11-01T00:00:00Z"), { sleep: noSleep, maxAttempts: 3 }),
    ).rejects.toThrow(/branch "keras-mem-bench-history": it moved under us 3 times/);
    expect(fake.count("git/update-ref")).toBe(3);
  });

  test("a 422 while the branch stayed where we read it is not a race: no retry, the branch and GitHub's message are named", async () => {
    const api = await setUp({
      // The commit we built vanishes before the update (as if GitHub refused the object): 422, tip unchanged.
      beforeRefUpdate: (f) => void f.gitCommits.delete([...f.gitCommits.keys()].at(-1) as string),
    });
    const tip = fake.commitFiles(BRANCH, { "README.md": "history" });
    const sha = "2".repeat(40);
    const delays: number[] = [];
    await expect(
      storeResults(api, BRANCH, results(sha), entry(sha, "2026-11-01T00:00:00Z"), { sleep: async (ms) => void delays.push(ms) }),
    ).rejects.toThrow(/branch "keras-mem-bench-history" could not be moved \(HTTP 422\), and nobody else moved it: Object does not exist/);
    expect(fake.count("git/update-ref")).toBe(1);
    expect(delays).toEqual([]);
    expect(fake.refs.get(`refs/heads/${BRANCH}`)).toBe(tip);
  });

  test("someone else creating the branch first is a race: the store retries on their tip", async () => {
    const api = await setUp();
    const createBranch = api.createBranch.bind(api);
    api.createBranch = async (branch, commit) => {
      fake.commitFiles(BRANCH, { "README.md": "theirs" });
      return createBranch(branch, commit);
    };
    const sha = "3".repeat(40);
    const outcome = await storeResults(api, BRANCH, results(sha), entry(sha, "2026-11-01T00:00:00Z"), { sleep: noSleep });
    expect(outcome.attempts).toBe(2);
    expect(fake.requests.filter((r) => r.operationId === "git/create-ref").map((r) => r.status)).toEqual([422]);
    expect(fake.readFile(BRANCH, "README.md")).toBe("theirs");
    expect(indexOf(fake).entries.map((e) => e.sha)).toEqual([sha]);
  });

  test("an index that is not a history index is reported with its place, not overwritten", async () => {
    const api = await setUp();
    fake.commitFiles(BRANCH, { "index.json": '{"schemaVersion": 99}' });
    const sha = "1".repeat(40);
    await expect(storeResults(api, BRANCH, results(sha), entry(sha, "2026-11-01T00:00:00Z"), { sleep: noSleep })).rejects.toThrow(
      /keras-mem-bench-history:index.json/,
    );
    expect(fake.count("git/update-ref")).toBe(0);
  });
});
