import { describe, expect, test } from "vitest";
import { ContextError, readContext } from "../src/action-context.js";
import { forkRefusal } from "../src/fork-guard.js";
import { forkWorkflowRunEvent } from "./_run-bundle.js";

const BASE = "a".repeat(40);
const HEAD = "b".repeat(40);

function prEvent(headRepo: string | null) {
  return {
    number: 5,
    pull_request: {
      number: 5,
      base: { sha: BASE, repo: { full_name: "octo/bench" } },
      head: { sha: HEAD, repo: headRepo === null ? null : { full_name: headRepo } },
    },
    repository: { full_name: "octo/bench", default_branch: "main" },
  };
}

function context(event: unknown, env: Record<string, string> = {}) {
  return readContext(
    { GITHUB_EVENT_NAME: "pull_request", GITHUB_REPOSITORY: "octo/bench", GITHUB_EVENT_PATH: "/event.json", GITHUB_SHA: HEAD, ...env },
    () => JSON.stringify(event),
  );
}

describe("the run's context", () => {
  test("a pull request from the same repository is not a fork", () => {
    const c = context(prEvent("octo/bench"));
    expect(c.target).toEqual({
      kind: "pull-request",
      pr: { number: 5, baseSha: BASE, headSha: HEAD, headRepo: "octo/bench", baseRepo: "octo/bench", fork: false },
    });
  });

  test("a pull request from another repository, or a deleted one, is a fork", () => {
    expect(context(prEvent("mallory/bench")).target).toMatchObject({ pr: { fork: true } });
    expect(context(prEvent(null)).target).toMatchObject({ pr: { fork: true, headRepo: null } });
  });

  test("a fork's pull request on a self-hosted runner is refused, saying why and how to allow it", () => {
    const c = context(prEvent("mallory/bench"), { RUNNER_ENVIRONMENT: "self-hosted" });
    const refusal = forkRefusal(c, false);
    expect(refusal).toMatch(/mallory\/bench/);
    expect(refusal).toMatch(/self-hosted runner/);
    expect(refusal).toMatch(/allow-fork-on-self-hosted: true/);
    expect(forkRefusal(c, true)).toBeNull();
    expect(forkRefusal(context(prEvent("mallory/bench"), { RUNNER_ENVIRONMENT: "github-hosted" }), false)).toBeNull();
    expect(forkRefusal(context(prEvent("octo/bench"), { RUNNER_ENVIRONMENT: "self-hosted" }), false)).toBeNull();
  });

  test("a runner that does not say where it runs is treated as self-hosted for a fork: refused, saying why and how to allow it", () => {
    const unset = context(prEvent("mallory/bench"));
    expect(unset.runnerEnvironment).toBeNull();
    const refusal = forkRefusal(unset, false);
    expect(refusal).toMatch(/pull request #5 comes from mallory\/bench/);
    expect(refusal).toMatch(/RUNNER_ENVIRONMENT is unset/);
    expect(refusal).toMatch(/allow-fork-on-self-hosted: true/);
    expect(forkRefusal(context(prEvent("mallory/bench"), { RUNNER_ENVIRONMENT: "gpu-farm" }), false)).toMatch(
      /RUNNER_ENVIRONMENT is "gpu-farm"/,
    );
    expect(forkRefusal(unset, true)).toBeNull();
    expect(forkRefusal(context(prEvent("octo/bench")), false)).toBeNull();
  });

  test("workflow_run: fork detection and linked PR numbers from the payload", () => {
    const c = readContext({ GITHUB_EVENT_NAME: "workflow_run", GITHUB_REPOSITORY: "octo/bench", GITHUB_EVENT_PATH: "/e" }, () =>
      JSON.stringify(forkWorkflowRunEvent(HEAD)),
    );
    expect(c.target).toMatchObject({ kind: "workflow-run", triggeringEvent: "pull_request", headSha: HEAD, fork: true, prNumbers: [] });
    expect(forkRefusal({ ...c, runnerEnvironment: "self-hosted" }, false)).toBeNull();
  });

  test("push: the pushed commit, ref and default branch", () => {
    const c = readContext({ GITHUB_EVENT_NAME: "push", GITHUB_REPOSITORY: "octo/bench", GITHUB_EVENT_PATH: "/e" }, () =>
      JSON.stringify({ after: HEAD, ref: "refs/heads/main", repository: { default_branch: "main" } }),
    );
    expect(c.target).toEqual({ kind: "push", sha: HEAD, ref: "refs/heads/main", defaultBranch: "main" });
  });

  test("a broken payload fails with the field that is wrong", () => {
    expect(() =>
      context({ pull_request: { number: 5, base: { sha: "nope" }, head: { sha: HEAD } }, repository: { full_name: "octo/bench" } }),
    ).toThrow(/pull_request.base.sha is not a commit sha/);
    expect(() => readContext({ GITHUB_REPOSITORY: "octo/bench" })).toThrow(ContextError);
    expect(() => readContext({ GITHUB_EVENT_NAME: "push", GITHUB_REPOSITORY: "octo" })).toThrow(/expected owner\/name/);
  });
});
