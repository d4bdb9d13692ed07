import { syntheticCell, syntheticResults } from "@keras-mem-bench/results";
import { describe, expect, test } from "vitest";
import { buildReport } from "../src/report-body.js";

const commitUrl = (sha: string) => `https://github.com/octo/bench/commit/${sha}`;
const A = "a".repeat(40);

describe("the published report", () => {
  test("names from results files and paths from config cannot inject HTML, links or mentions", () => {
    const evil = syntheticCell({
      family: '<img src=x onerror="alert(1)">',
      strategy: "[x](https://evil.example)",
      batchSize: 8,
      backend: "@octo/team",
    });
    const head = syntheticResults([evil], { sha: A });
    const report = buildReport({
      head,
      headSha: A,
      baseline: { kind: "file", path: "bench/<script>evil](https://x.example).json", results: syntheticResults([], {}) },
      commitUrl,
    });
    expect(report.markdown).not.toContain("<img");
    expect(report.markdown).not.toContain("<script");
    expect(report.markdown).not.toMatch(/(?<!\\)\]\(https:\/\/(evil|x)\.example/);
    expect(report.markdown).not.toMatch(/(?<!&#8203;)@octo\/team/);
  });

  test("no baseline: every head cell is listed as new, nothing regresses, and the note says why", () => {
    const head = syntheticResults(
      [syntheticCell({ family: "lstm", strategy: "tf-data", batchSize: 32, backend: "wasm" }, { tensorsPerEpoch: 3 })],
      { sha: A },
    );
    const report = buildReport({
      head,
      headSha: A,
      baseline: {
        kind: "none",
        branch: "kmb-history",
        missing: {
          found: false,
          requestedSha: "b".repeat(40),
          searched: 12,
          reason: "none of the 12 commits from bbbbbbb back hold stored results",
        },
      },
      commitUrl,
    });
    expect(report.comparison.regressions).toBe(0);
    expect(report.comparison.counts.new).toBe(1);
    expect(report.baselineSha).toBeNull();
    expect(report.markdown).toContain("**No baseline yet**");
    expect(report.markdown).toContain("[`bbbbbbb`](https://github.com/octo/bench/commit/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb)");
    expect(report.markdown).toContain("lstm/tf-data/b32/wasm");
  });
});
