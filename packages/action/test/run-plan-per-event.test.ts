import { describe, expect, test } from "vitest";
import { readConfig } from "../src/action-config.js";
import type { ActionContext, EventTarget } from "../src/action-context.js";
import { PlanError, planRun } from "../src/run-plan.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const config = (inputs: Record<string, string> = {}) => readConfig((n) => ({ results: "r.json", ...inputs })[n] ?? "");
const context = (target: EventTarget, eventName: string): ActionContext => ({
  eventName,
  repo: { owner: "octo", repo: "bench" },
  apiUrl: "https://api.github.com",
  serverUrl: "https://github.com",
  runnerEnvironment: "github-hosted",
  tempDir: "/tmp",
  sha: B,
  ref: "refs/heads/main",
  target,
});
const pr = (fork: boolean): EventTarget => ({
  kind: "pull-request",
  pr: { number: 5, baseSha: A, headSha: B, headRepo: fork ? "mallory/bench" : "octo/bench", baseRepo: "octo/bench", fork },
});
const push = (ref: string): EventTarget => ({ kind: "push", sha: B, ref, defaultBranch: "main" });
type WorkflowRunTarget = Extract<EventTarget, { kind: "workflow-run" }>;
const workflowRun = (
  target: Pick<WorkflowRunTarget, "triggeringEvent" | "headBranch" | "headRepo" | "fork"> & Partial<WorkflowRunTarget>,
): WorkflowRunTarget => ({ kind: "workflow-run", headSha: B, defaultBranch: "main", prNumbers: [], ...target });

describe("what a run does, per event", () => {
  test("pull request: compare with the base commit itself, comment, never store", () => {
    expect(planRun(config(), context(pr(false), "pull_request"))).toMatchObject({
      headSha: B,
      baseline: { sha: A, includeStart: true },
      comment: { pullNumber: 5, create: true },
      store: { skip: expect.stringMatching(/pull request's results are not history/) },
    });
  });

  test("comment input: on-regression does not create, never skips", () => {
    expect(planRun(config({ comment: "on-regression" }), context(pr(false), "pull_request")).comment).toEqual({
      pullNumber: 5,
      create: false,
    });
    expect(planRun(config({ comment: "never" }), context(pr(false), "pull_request")).comment).toEqual({ skip: "comment: never" });
  });

  test("a fork's pull_request has a read-only token: no comment attempt, pointing at the two-workflow pattern", () => {
    expect(planRun(config(), context(pr(true), "pull_request")).comment).toEqual({ skip: expect.stringMatching(/workflow_run/) });
  });

  test("push to the default branch: compare with the nearest stored ancestor, store", () => {
    expect(planRun(config(), context(push("refs/heads/main"), "push"))).toMatchObject({
      baseline: { sha: B, includeStart: false },
      store: { sha: B, ref: "refs/heads/main" },
      comment: { skip: expect.any(String) },
    });
  });

  test("push elsewhere is stored only with store-history: true; false never stores", () => {
    expect(planRun(config(), context(push("refs/heads/feature"), "push")).store).toEqual({
      skip: expect.stringMatching(/default branch only/),
    });
    expect(planRun(config({ "store-history": "true" }), context(push("refs/heads/feature"), "push")).store).toEqual({
      sha: B,
      ref: "refs/heads/feature",
    });
    expect(planRun(config({ "store-history": "false" }), context(push("refs/heads/main"), "push")).store).toEqual({
      skip: "store-history: false",
    });
  });

  test("workflow_run after a fork's PR: needs pr-number, then checks the PR head against the measured commit", () => {
    const target = workflowRun({ triggeringEvent: "pull_request", headBranch: "f", headRepo: "mallory/bench", fork: true });
    expect(() => planRun(config(), context(target, "workflow_run"))).toThrow(PlanError);
    expect(() => planRun(config(), context(target, "workflow_run"))).toThrow(/input "pr-number": required here/);
    expect(planRun(config({ "pr-number": "12" }), context(target, "workflow_run"))).toMatchObject({
      baseline: { pullNumber: 12 },
      comment: { pullNumber: 12, create: true },
      verifyPull: { pullNumber: 12, source: "input" },
    });
  });

  test("workflow_run after a push to the default branch stores, like the push itself", () => {
    const target = workflowRun({ triggeringEvent: "push", headBranch: "main", headRepo: "octo/bench", fork: false });
    expect(planRun(config(), context(target, "workflow_run")).store).toEqual({ sha: B, ref: "refs/heads/main" });
  });

  test("any pull request number that is not the triggering event's own is checked against the measured commit", () => {
    expect(planRun(config({ "pr-number": "9" }), context(pr(false), "pull_request")).verifyPull).toBeNull();
    expect(planRun(config({ "pr-number": "9" }), context(push("refs/heads/main"), "push"))).toMatchObject({
      comment: { pullNumber: 9 },
      verifyPull: { pullNumber: 9, source: "input" },
    });
    expect(planRun(config(), context(push("refs/heads/main"), "push")).verifyPull).toBeNull();
    expect(planRun(config({ "pr-number": "9" }), context({ kind: "other", sha: B }, "workflow_dispatch"))).toMatchObject({
      baseline: { pullNumber: 9 },
      verifyPull: { pullNumber: 9, source: "input" },
    });
    const linked = workflowRun({ triggeringEvent: "pull_request", headBranch: "f", headRepo: "octo/bench", prNumbers: [4], fork: false });
    expect(planRun(config(), context(linked, "workflow_run")).verifyPull).toEqual({ pullNumber: 4, source: "event" });
    const afterPush: EventTarget = { ...linked, triggeringEvent: "push", prNumbers: [] };
    expect(planRun(config({ "pr-number": "9" }), context(afterPush, "workflow_run")).verifyPull).toEqual({
      pullNumber: 9,
      source: "input",
    });
  });
});
