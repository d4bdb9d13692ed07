import { describe, expect, test } from "vitest";
import { findBaseline } from "../src/find-baseline.js";
import { readHistory } from "../src/history-store.js";
import { HISTORY_BRANCH, resultsFor, seedHistory, useFakeGitHub } from "./_setup.js";

const startFake = useFakeGitHub();

describe("finding the baseline of a commit", () => {
  test("uses the requested commit itself when it is stored, without walking history", async () => {
    const { fake, api } = await startFake();
    const [a, b] = fake.addRepoChain(2);
    seedHistory(fake, [a as string, b as string]);
    const snapshot = await readHistory(api, HISTORY_BRANCH);
    const found = await findBaseline(api, snapshot, b as string, { includeStart: true, maxAncestors: 50 });
    expect(found).toMatchObject({ found: true, sha: b, requestedSha: b, distance: 0 });
    expect(fake.count("repos/list-commits")).toBe(0);
  });

  test("walks back to the nearest stored ancestor and says how far", async () => {
    const { fake, api } = await startFake();
    const chain = fake.addRepoChain(6);
    seedHistory(fake, [chain[0] as string, chain[2] as string]);
    const snapshot = await readHistory(api, HISTORY_BRANCH);
    const found = await findBaseline(api, snapshot, chain[5] as string, { includeStart: true, maxAncestors: 50 });
    expect(found).toMatchObject({ found: true, sha: chain[2], requestedSha: chain[5], distance: 3 });
    if (found.found) expect(found.results.env.git?.sha).toBe(chain[2]);
  });

  test("a start commit that is indexed but whose run file is gone falls back to the nearest stored ancestor", async () => {
    const { fake, api } = await startFake();
    const chain = fake.addRepoChain(4) as [string, string, string, string];
    const entry = (sha: string, minute: number) => ({
      sha,
      parents: [],
      ref: "refs/heads/main",
      committedAt: `2026-11-01T00:0${minute}:00Z`,
      message: null,
      url: null,
      file: `runs/${sha}.json`,
    });
    fake.commitFiles(HISTORY_BRANCH, {
      "index.json": JSON.stringify({ schemaVersion: 1, entries: [entry(chain[1], 1), entry(chain[3], 3)] }),
      [`runs/${chain[1]}.json`]: JSON.stringify(resultsFor(chain[1])),
    });
    const snapshot = await readHistory(api, HISTORY_BRANCH);
    const found = await findBaseline(api, snapshot, chain[3], { includeStart: true, maxAncestors: 50 });
    expect(found).toMatchObject({ found: true, sha: chain[1], requestedSha: chain[3], distance: 2 });
    if (found.found) expect(found.results.env.git?.sha).toBe(chain[1]);
  });

  test("follows pages of history, and stops at the bound", async () => {
    const { fake, api } = await startFake();
    const chain = fake.addRepoChain(250);
    seedHistory(fake, [chain[10] as string]);
    const snapshot = await readHistory(api, HISTORY_BRANCH);
    const tip = chain[249] as string;
    expect(await findBaseline(api, snapshot, tip, { includeStart: true, maxAncestors: 239 })).toMatchObject({ found: true, distance: 239 });
    expect(fake.count("repos/list-commits")).toBe(3);
    const bounded = await findBaseline(api, snapshot, tip, { includeStart: true, maxAncestors: 100 });
    expect(bounded).toMatchObject({ found: false, searched: 101 });
  });

  test("a pushed commit is not its own baseline: the search starts at its parent", async () => {
    const { fake, api } = await startFake();
    const [a, b] = fake.addRepoChain(2);
    seedHistory(fake, [a as string, b as string]);
    const snapshot = await readHistory(api, HISTORY_BRANCH);
    expect(await findBaseline(api, snapshot, b as string, { includeStart: false, maxAncestors: 50 })).toMatchObject({
      found: true,
      sha: a,
      distance: 1,
    });
  });

  test("no history branch, an empty one, or an unknown commit: no baseline, with the reason", async () => {
    const { fake, api } = await startFake();
    const [a] = fake.addRepoChain(1);
    let snapshot = await readHistory(api, HISTORY_BRANCH);
    expect(await findBaseline(api, snapshot, a as string, { includeStart: true, maxAncestors: 50 })).toMatchObject({
      found: false,
      reason: expect.stringMatching(/does not exist yet/),
    });
    seedHistory(fake, []);
    snapshot = await readHistory(api, HISTORY_BRANCH);
    expect(await findBaseline(api, snapshot, a as string, { includeStart: true, maxAncestors: 50 })).toMatchObject({
      found: false,
      reason: expect.stringMatching(/no results yet/),
    });
    seedHistory(fake, [a as string]);
    snapshot = await readHistory(api, HISTORY_BRANCH);
    expect(await findBaseline(api, snapshot, "9".repeat(40), { includeStart: true, maxAncestors: 50 })).toMatchObject({
      found: false,
      reason: expect.stringMatching(/not in the repository/),
    });
  });
});
