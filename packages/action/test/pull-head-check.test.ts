import { describe, expect, test } from "vitest";
import { PullHeadError, checkPullHead } from "../src/pull-head-check.js";

const HEAD = "b".repeat(40);
const OTHER = "c".repeat(40);
const pull = { number: 13, baseSha: "a".repeat(40), headSha: HEAD, headRepo: "mallory/bench", baseRepo: "octo/bench" };

describe("checking a pull request number against the measured commit", () => {
  test("passes when the head is the measured commit, whatever the case of the sha", () => {
    expect(() => checkPullHead(pull, HEAD.toUpperCase(), "input")).not.toThrow();
  });

  test("refuses another head, naming the pull request, both shas and where the number came from", () => {
    expect(() => checkPullHead(pull, OTHER, "input")).toThrow(PullHeadError);
    expect(() => checkPullHead(pull, OTHER, "input")).toThrow(
      new RegExp(`^input "pr-number": pull request #13 has head ${HEAD}, but the results were measured on ${OTHER}`),
    );
    expect(() => checkPullHead(pull, OTHER, "event")).toThrow(/^workflow_run event \(pull_requests\): pull request #13/);
  });

  test("refuses when the measured commit is unknown instead of trusting the number", () => {
    expect(() => checkPullHead(pull, null, "input")).toThrow(/cannot check pull request #13 .*measured on is unknown/);
  });
});
