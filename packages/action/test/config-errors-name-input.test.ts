import { describe, expect, test } from "vitest";
import { ConfigError, envInputReader, inputEnvName, readConfig } from "../src/action-config.js";

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? "";

describe("reading the action's inputs", () => {
  test("defaults: history branch, comment always, fail on regression, store-history auto", () => {
    const config = readConfig(reader({ results: "results/*.json" }));
    expect(config).toMatchObject({
      mode: "auto",
      results: ["results/*.json"],
      baseline: null,
      historyBranch: "keras-mem-bench-history",
      thresholds: null,
      comment: "always",
      failOnRegression: true,
      storeHistory: "auto",
      allowForkOnSelfHosted: false,
      prNumber: null,
    });
  });

  test("results takes several paths or globs, by line or comma", () => {
    expect(readConfig(reader({ results: "a.json, b/*.json\n\n c.json " })).results).toEqual(["a.json", "b/*.json", "c.json"]);
  });

  test.each([
    [{}, "results", /is required/],
    [{ results: "r.json", comment: "sometimes" }, "comment", /"sometimes" is not one of always \| on-regression \| never/],
    [{ results: "r.json", "fail-on-regression": "maybe" }, "fail-on-regression", /not a boolean/],
    [{ results: "r.json", "store-history": "yes please" }, "store-history", /not one of auto \| true \| false/],
    [{ results: "r.json", "allow-fork-on-self-hosted": "2" }, "allow-fork-on-self-hosted", /not a boolean/],
    [{ results: "r.json", "history-branch": "bad..name" }, "history-branch", /not a valid branch name/],
    [{ results: "r.json", "history-branch": "refs/heads/x" }, "history-branch", /short name/],
    [{ results: "r.json", "pr-number": "12; rm -rf /" }, "pr-number", /not a whole number/],
    [{ results: "r.json", "max-ancestors": "0" }, "max-ancestors", /from 1 to 1000/],
    [{ results: "r.json", mode: "turbo" }, "mode", /not one of auto \| guard/],
  ])("%o → error naming %s", (inputs, input, message) => {
    let error: unknown;
    try {
      readConfig(reader(inputs as Record<string, string>));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).input).toBe(input);
    expect((error as Error).message).toMatch(new RegExp(`^input "${input}": `));
    expect((error as Error).message).toMatch(message);
  });

  test("thresholds: inline JSON or a path", () => {
    expect(readConfig(reader({ results: "r", thresholds: ' {"peakRssBytes": 0.1}' })).thresholds).toEqual({
      kind: "inline",
      json: '{"peakRssBytes": 0.1}',
    });
    expect(readConfig(reader({ results: "r", thresholds: "bench/thresholds.json" })).thresholds).toEqual({
      kind: "file",
      path: "bench/thresholds.json",
    });
  });

  test("guard mode needs no results", () => {
    expect(readConfig(reader({ mode: "guard" })).mode).toBe("guard");
  });

  test("inputs come from INPUT_ variables named the way GitHub names them: dashes kept", () => {
    expect(inputEnvName("github-token")).toBe("INPUT_GITHUB-TOKEN");
    const config = readConfig(envInputReader({ INPUT_RESULTS: "r.json", "INPUT_FAIL-ON-REGRESSION": "false", "INPUT_PR-NUMBER": "42" }));
    expect(config).toMatchObject({ results: ["r.json"], failOnRegression: false, prNumber: 42 });
  });
});
