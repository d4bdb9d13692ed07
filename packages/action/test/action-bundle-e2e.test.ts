// The committed bundle, run as GitHub runs it, against the OpenAPI-checked fake GitHub.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHistoryIndex, type ResultsFile } from "@keras-mem-bench/results";
import { describe, expect, test } from "vitest";
import { COMMENT_MARKER } from "../src/sticky-comment.js";
import type { FakeGitHub, FakeGitHubOptions } from "./_fake-github.js";
import { forkWorkflowRunEvent, pullRequestEvent, runBundle } from "./_run-bundle.js";
import { HISTORY_BRANCH, resultsFor, seedHistory, useFakeGitHub } from "./_setup.js";

const REGRESSED_CELL = "lstm/tf-data/b32/wasm";
const startFake = useFakeGitHub();

async function begin(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return (await startFake(options)).fake;
}

async function resultsFile(results: ResultsFile, name = "results.json"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kmb-results-"));
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(results));
  return path;
}

const inputs = (results: string, extra: Record<string, string> = {}) => ({
  results,
  "github-token": "ghs_test",
  comment: "always",
  "fail-on-regression": "true",
  ...extra,
});

interface PullRun {
  /** Adds the pull to the fake first (a same-repository pull request GitHub knows). */
  open?: boolean;
  /** The results the benchmark measured (default: plain results for the head commit). */
  results?: ResultsFile;
  inputs?: Record<string, string>;
  runnerEnvironment?: string;
}

/** Runs the bundle on the pull_request event of a pull request from `pr.headRepo` (default: the same repository). */
async function runOnPull(gh: FakeGitHub, pr: { number: number; baseSha: string; headSha: string; headRepo?: string }, run: PullRun = {}) {
  if (run.open) gh.addPull({ ...pr, headRepo: pr.headRepo ?? "octo/bench", baseRepo: "octo/bench" });
  return runBundle({
    inputs: inputs(await resultsFile(run.results ?? resultsFor(pr.headSha)), run.inputs),
    eventName: "pull_request",
    event: pullRequestEvent(pr),
    apiUrl: gh.url,
    ...(run.runnerEnvironment ? { runnerEnvironment: run.runnerEnvironment } : {}),
  });
}

describe("the bundled action on a pull request", () => {
  test("one injected regression: one comment naming the cell, updated (not duplicated) by the next run; exit follows fail-on-regression", async () => {
    const gh = await begin();
    const [, base, head1, head2] = gh.addRepoChain(4);
    seedHistory(gh, [base as string]);
    const first = await runOnPull(
      gh,
      { number: 7, baseSha: base as string, headSha: head1 as string },
      { open: true, results: resultsFor(head1 as string, { tensorsPerEpoch: 1 }) },
    );
    expect(first.status, first.output).toBe(1);
    expect(first.output).toContain(REGRESSED_CELL);
    expect(gh.count("issues/create-comment")).toBe(1);
    expect(gh.comments).toHaveLength(1);
    const comment = gh.comments[0];
    expect(comment?.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comment?.body).toContain(REGRESSED_CELL);
    expect(comment?.body).toContain((base as string).slice(0, 7));
    expect(first.outputs).toMatchObject({ regressions: "1", "baseline-sha": base });
    expect(first.outputs["report-path"]).toMatch(/keras-mem-bench-report\.md$/);
    expect(first.summary).toContain(REGRESSED_CELL);

    // The author pushes again; the regression is still there, but fail-on-regression is now false.
    const second = await runOnPull(
      gh,
      { number: 7, baseSha: base as string, headSha: head2 as string },
      { open: true, results: resultsFor(head2 as string, { tensorsPerEpoch: 1 }), inputs: { "fail-on-regression": "false" } },
    );
    expect(second.status, second.output).toBe(0);
    expect(gh.count("issues/create-comment")).toBe(1);
    expect(gh.count("issues/update-comment")).toBe(1);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.id).toBe(comment?.id);
    expect(gh.comments[0]?.body).toContain((head2 as string).slice(0, 7));
    expect(second.outputs.regressions).toBe("1");
  });

  test("identical results: no regression, exit 0, comment still posted with comment: always", async () => {
    const gh = await begin();
    const [base, head] = gh.addRepoChain(2);
    seedHistory(gh, [base as string]);
    const run = await runOnPull(gh, { number: 3, baseSha: base as string, headSha: head as string }, { open: true });
    expect(run.status, run.output).toBe(0);
    expect(run.outputs.regressions).toBe("0");
    expect(gh.comments).toHaveLength(1);
  });

  test("base not stored: compares with the nearest stored ancestor and says which", async () => {
    const gh = await begin();
    const [stored, , base, head] = gh.addRepoChain(4);
    seedHistory(gh, [stored as string]);
    const run = await runOnPull(gh, { number: 8, baseSha: base as string, headSha: head as string }, { open: true });
    expect(run.status, run.output).toBe(0);
    expect(run.outputs["baseline-sha"]).toBe(stored);
    const body = gh.comments[0]?.body ?? "";
    expect(body).toContain(`nearest ancestor of [\`${(base as string).slice(0, 7)}\`]`);
    expect(body).toContain(`[\`${(stored as string).slice(0, 7)}\`]`);
    expect(body).toContain("2 commits back");
  });

  test("no baseline yet: says so, and does not fail even with a leak and fail-on-regression", async () => {
    const gh = await begin();
    const [base, head] = gh.addRepoChain(2);
    const run = await runOnPull(
      gh,
      { number: 9, baseSha: base as string, headSha: head as string },
      { open: true, results: resultsFor(head as string, { tensorsPerEpoch: 1 }) },
    );
    expect(run.status, run.output).toBe(0);
    expect(run.outputs).toMatchObject({ regressions: "0", "baseline-sha": "" });
    expect(gh.comments[0]?.body).toContain("No baseline yet");
    expect(run.summary).toContain("No baseline yet");
  });

  test("a fork's pull request on a self-hosted runner is refused before any request", async () => {
    const gh = await begin();
    const [base, head] = gh.addRepoChain(2);
    const run = await runOnPull(
      gh,
      { number: 4, baseSha: base as string, headSha: head as string, headRepo: "mallory/bench" },
      { runnerEnvironment: "self-hosted" },
    );
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/refusing to run: pull request #4 comes from mallory\/bench/);
    expect(run.output).toMatch(/allow-fork-on-self-hosted/);
    expect(gh.requests).toHaveLength(0);
  });

  test("a fork's pull request on a hosted runner: report in the summary, no comment attempt with the read-only token", async () => {
    const gh = await begin();
    const [base, head] = gh.addRepoChain(2);
    seedHistory(gh, [base as string]);
    const run = await runOnPull(gh, { number: 4, baseSha: base as string, headSha: head as string, headRepo: "mallory/bench" });
    expect(run.status, run.output).toBe(0);
    expect(run.summary).toContain("dense/in-memory/b32/wasm");
    expect(gh.count("issues/list-comments") + gh.count("issues/create-comment")).toBe(0);
  });
});

describe("the bundled action after a fork's benchmark (workflow_run)", () => {
  const workflowRunEvent = (headSha: string) => ({ action: "completed", ...forkWorkflowRunEvent(headSha) });

  test("comments on the PR number from the artifact, after checking the PR's head is the measured commit", async () => {
    const gh = await begin();
    const [base, head] = gh.addRepoChain(2);
    seedHistory(gh, [base as string]);
    gh.addPull({ number: 12, baseSha: base as string, headSha: head as string, headRepo: "mallory/bench", baseRepo: "octo/bench" });
    const run = await runBundle({
      inputs: inputs(await resultsFile(resultsFor(head as string, { tensorsPerEpoch: 1 })), {
        "pr-number": "12",
        "fail-on-regression": "false",
      }),
      eventName: "workflow_run",
      event: workflowRunEvent(head as string),
      apiUrl: gh.url,
      runnerEnvironment: "self-hosted",
    });
    expect(run.status, run.output).toBe(0);
    expect(gh.comments.map((c) => c.issue)).toEqual([12]);
    expect(gh.comments[0]?.body).toContain(REGRESSED_CELL);
  });

  test("refuses a PR number whose head is not the measured commit", async () => {
    const gh = await begin();
    const [base, head, other] = gh.addRepoChain(3);
    seedHistory(gh, [base as string]);
    gh.addPull({ number: 13, baseSha: base as string, headSha: other as string, headRepo: "octo/bench", baseRepo: "octo/bench" });
    const run = await runBundle({
      inputs: inputs(await resultsFile(resultsFor(head as string)), { "pr-number": "13" }),
      eventName: "workflow_run",
      event: workflowRunEvent(head as string),
      apiUrl: gh.url,
    });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/input "pr-number": pull request #13 has head/);
    expect(gh.comments).toHaveLength(0);
  });

  test("a baseline file input does not skip the check: the mismatched PR is refused before anything is compared", async () => {
    const gh = await begin();
    const [base, head, other] = gh.addRepoChain(3);
    gh.addPull({ number: 13, baseSha: base as string, headSha: other as string, headRepo: "octo/bench", baseRepo: "octo/bench" });
    const run = await runBundle({
      inputs: inputs(await resultsFile(resultsFor(head as string)), {
        "pr-number": "13",
        baseline: await resultsFile(resultsFor(base as string), "base.json"),
      }),
      eventName: "workflow_run",
      event: workflowRunEvent(head as string),
      apiUrl: gh.url,
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      `input "pr-number": pull request #13 has head ${other as string}, but the results were measured on ${head as string}`,
    );
    expect(run.outputs).toEqual({});
    expect(gh.requests.map((r) => r.operationId)).toEqual(["pulls/get"]);
  });
});

describe("the bundled action on a push to the default branch", () => {
  test("stores the run in the history branch; a concurrent writer's entry survives the retry", async () => {
    let otherSha = "";
    const gh = await begin({
      beforeRefUpdate: (f, _ref, attempt) => {
        if (attempt !== 1) return;
        // Another push's job lands its entry between our read and our update: our first PATCH gets 422.
        const index = parseHistoryIndex(JSON.parse(f.readFile(HISTORY_BRANCH, "index.json") ?? "null"), "index.json");
        const entry = {
          sha: otherSha,
          parents: [],
          ref: "refs/heads/main",
          committedAt: "2026-11-01T00:30:00Z",
          message: "other",
          url: null,
          file: `runs/${otherSha}.json`,
        };
        f.commitFiles(HISTORY_BRANCH, {
          "index.json": JSON.stringify({ ...index, entries: [...index.entries, entry] }),
          [`runs/${otherSha}.json`]: JSON.stringify(resultsFor(otherSha)),
        });
      },
    });
    const [first, second, pushed] = gh.addRepoChain(3);
    otherSha = second as string;
    seedHistory(gh, [first as string]);
    const run = await runBundle({
      inputs: inputs(await resultsFile(resultsFor(pushed as string))),
      eventName: "push",
      event: { ref: "refs/heads/main", before: second, after: pushed, repository: { full_name: "octo/bench", default_branch: "main" } },
      apiUrl: gh.url,
      sha: pushed as string,
      ref: "refs/heads/main",
    });
    expect(run.status, run.output).toBe(0);
    expect(gh.requests.filter((r) => r.operationId === "git/update-ref").map((r) => r.status)).toEqual([422, 200]);
    const index = parseHistoryIndex(JSON.parse(gh.readFile(HISTORY_BRANCH, "index.json") ?? "null"), "index.json");
    expect(index.entries.map((e) => e.sha).sort()).toEqual([first, second, pushed].sort());
    const mine = index.entries.find((e) => e.sha === pushed);
    expect(mine).toMatchObject({ parents: [second], ref: "refs/heads/main", file: `runs/${pushed}.json` });
    expect(gh.readFile(HISTORY_BRANCH, `runs/${pushed}.json`)).not.toBeNull();
    expect(gh.comments).toHaveLength(0);
  });

  test("a pr-number given on a push is checked: refused when that PR's head is not the pushed commit, used when it is", async () => {
    const gh = await begin();
    const [first, pushed, other] = gh.addRepoChain(3);
    seedHistory(gh, [first as string]);
    const pushRun = async (pr: string) =>
      runBundle({
        inputs: inputs(await resultsFile(resultsFor(pushed as string)), {
          "pr-number": pr,
          baseline: await resultsFile(resultsFor(first as string), "base.json"),
        }),
        eventName: "push",
        event: { ref: "refs/heads/feature", after: pushed, repository: { full_name: "octo/bench", default_branch: "main" } },
        apiUrl: gh.url,
      });
    gh.addPull({ number: 21, baseSha: first as string, headSha: other as string, headRepo: "octo/bench", baseRepo: "octo/bench" });
    const refused = await pushRun("21");
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`pull request #21 has head ${other as string}, but the results were measured on ${pushed as string}`);
    expect(gh.comments).toHaveLength(0);

    gh.addPull({ number: 22, baseSha: first as string, headSha: pushed as string, headRepo: "octo/bench", baseRepo: "octo/bench" });
    const used = await pushRun("22");
    expect(used.status, used.output).toBe(0);
    expect(gh.comments.map((c) => c.issue)).toEqual([22]);
  });

  test("a push to another branch is compared but not stored", async () => {
    const gh = await begin();
    const [first, pushed] = gh.addRepoChain(2);
    seedHistory(gh, [first as string]);
    const run = await runBundle({
      inputs: inputs(await resultsFile(resultsFor(pushed as string))),
      eventName: "push",
      event: { ref: "refs/heads/feature", after: pushed, repository: { full_name: "octo/bench", default_branch: "main" } },
      apiUrl: gh.url,
    });
    expect(run.status, run.output).toBe(0);
    expect(run.outputs["baseline-sha"]).toBe(first);
    expect(gh.count("git/update-ref") + gh.count("git/create-ref")).toBe(0);
  });
});
