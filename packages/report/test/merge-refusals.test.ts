import { ResultsFileError, type ResultsFile } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { MergeError, mergeResults } from "../src/index.js";
import { cell, key, run } from "./_fixtures.js";

const SHA = "c".repeat(40);
const FAMILIES = ["dense", "lstm", "conv", "depthwise-conv"];

function shard(index: number, count: number, families: string[], matrixSize = 4, sha = SHA): ResultsFile {
  const results = run(
    families.map((f, i) => cell(key(f), { seed: index * 10 + i })),
    sha,
  );
  return { ...results, createdAt: `2026-11-0${index}T00:00:00.000Z`, suite: { ...results.suite, shard: { index, count, matrixSize } } };
}

function refusal(parts: Array<{ source: string; results: ResultsFile }>): string {
  try {
    mergeResults(parts);
  } catch (error) {
    if (error instanceof MergeError || error instanceof ResultsFileError) return error.message;
    throw error;
  }
  throw new Error("mergeResults accepted the parts");
}

describe("mergeResults", () => {
  it("joins all shards in shard order into one valid, unsharded file", () => {
    const merged = mergeResults([
      { source: "shard-2.json", results: shard(2, 2, ["conv", "depthwise-conv"]) },
      { source: "shard-1.json", results: shard(1, 2, ["dense", "lstm"]) },
    ]);
    expect(merged.cells.map((c) => c.family)).toEqual(FAMILIES);
    expect(merged.suite.shard).toBeNull();
    expect(merged.createdAt).toBe("2026-11-01T00:00:00.000Z");
    expect(merged.env.git?.sha).toBe(SHA);
  });

  it("refuses the same cell in two files, naming both", () => {
    const message = refusal([
      { source: "a.json", results: run([cell(key("dense")), cell(key("lstm"))]) },
      { source: "b.json", results: run([cell(key("lstm"))]) },
    ]);
    expect(message).toMatch(/overlapping cells: "lstm\/tf-data\/b32\/wasm" is in both a\.json and b\.json/);
  });

  it("refuses a shard given twice and names both files", () => {
    const message = refusal([
      { source: "one.json", results: shard(1, 2, ["dense", "lstm"]) },
      { source: "one-again.json", results: shard(1, 2, ["conv", "depthwise-conv"]) },
    ]);
    expect(message).toBe("cannot merge: one.json and one-again.json are both shard 1/2");
  });

  it("refuses missing shards, listing their indexes", () => {
    const message = refusal([
      { source: "s1.json", results: shard(1, 4, ["dense"]) },
      { source: "s3.json", results: shard(3, 4, ["conv"]) },
    ]);
    expect(message).toBe("cannot merge: missing shards 2, 4 of 4; given 1 (s1.json), 3 (s3.json)");
  });

  it("refuses shards of different counts or matrix sizes", () => {
    expect(
      refusal([
        { source: "x.json", results: shard(1, 2, ["dense", "lstm"]) },
        { source: "y.json", results: shard(2, 3, ["conv"]) },
      ]),
    ).toMatch(/x\.json is shard 1\/2 of a 4-cell matrix but y\.json is shard 2\/3 of a 4-cell matrix/);
    expect(
      refusal([
        { source: "x.json", results: shard(1, 2, ["dense", "lstm"]) },
        { source: "y.json", results: shard(2, 2, ["conv"], 6) },
      ]),
    ).toMatch(/6-cell matrix/);
  });

  it("refuses mismatched suites, commits, tfjs versions, and a shard mixed with a whole run", () => {
    const other = shard(2, 2, ["conv", "depthwise-conv"]);
    const first = { source: "s1.json", results: shard(1, 2, ["dense", "lstm"]) };
    expect(refusal([first, { source: "s2.json", results: { ...other, suite: { ...other.suite, epochs: 20 } } }])).toMatch(
      /s1\.json has suite "synthetic", 8 epochs, 2 warm-up but s2\.json has suite "synthetic", 20 epochs, 2 warm-up/,
    );
    expect(refusal([first, { source: "s2.json", results: { ...other, suite: { ...other.suite, quick: true } } }])).toMatch(
      /but s2\.json has .*quick/,
    );
    expect(refusal([first, { source: "s2.json", results: shard(2, 2, ["conv", "depthwise-conv"], 4, "d".repeat(40)) }])).toMatch(
      /s1\.json measured commit c+ but s2\.json measured d+/,
    );
    expect(
      refusal([first, { source: "s2.json", results: { ...other, env: { ...other.env, tfjs: { "@tensorflow/tfjs-core": "4.21.0" } } } }]),
    ).toMatch(/s2\.json ran @tensorflow\/tfjs-core@4\.21\.0/);
    expect(refusal([first, { source: "whole.json", results: run([cell(key("conv"))], SHA) }])).toMatch(
      /whole\.json is not a shard but s1\.json is shard 1\/2/,
    );
  });

  it("refuses shards that hold fewer cells than the matrix, and invalid files by name", () => {
    expect(
      refusal([
        { source: "s1.json", results: shard(1, 2, ["dense"]) },
        { source: "s2.json", results: shard(2, 2, ["conv"]) },
      ]),
    ).toMatch(/the shards say the matrix has 4 cells but they hold 2 \(s1\.json: 1, s2\.json: 1\)/);
    const broken = { ...shard(1, 1, FAMILIES), schemaVersion: 99 } as unknown as ResultsFile;
    expect(refusal([{ source: "broken.json", results: broken }])).toMatch(/^broken\.json is not a valid keras-mem-bench results file/);
    expect(refusal([])).toMatch(/no results files/);
  });
});
