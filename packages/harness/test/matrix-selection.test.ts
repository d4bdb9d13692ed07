import { describe, expect, it } from "vitest";
import { applyFilter, expandMatrix, MatrixSelectionError, parseFilters, parseShard, shardCells, type MatrixAxes } from "../src/index.js";

const axes: MatrixAxes = {
  families: ["dense", "lstm", "conv", "depthwise-conv"],
  strategies: ["in-memory", "generator", "tf-data", "file-stream"],
  batchSizes: [16, 64, 256],
  backends: ["wasm", "cpu"],
};

describe("matrix expansion", () => {
  it("has one cell per strategy × batch size × family × backend, with stable ids", () => {
    const cells = expandMatrix(axes);
    expect(cells).toHaveLength(4 * 4 * 3 * 2);
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
    expect(cells[0]).toEqual({ id: "dense/in-memory/b16/wasm", family: "dense", strategy: "in-memory", batchSize: 16, backend: "wasm" });
  });
});

describe("filters", () => {
  it("keeps cells matching every filter key; values are alternatives", () => {
    const filter = parseFilters(["family=dense,lstm", "batch=64", "backend=wasm"], axes);
    const ids = applyFilter(expandMatrix(axes), filter).map((c) => c.id);
    expect(ids).toHaveLength(2 * 4);
    expect(ids.every((id) => /^(dense|lstm)\/[a-z-]+\/b64\/wasm$/.test(id))).toBe(true);
  });

  it("repeating a key narrows to the values in both", () => {
    const filter = parseFilters(["strategy=tf-data,generator", "strategy=generator,file-stream"], axes);
    expect(filter.strategy).toEqual(["generator"]);
  });

  it("names an unknown key", () => {
    expect(() => parseFilters(["famly=dense"], axes)).toThrow(MatrixSelectionError);
    expect(() => parseFilters(["famly=dense"], axes)).toThrow(/--filter "famly=dense": unknown key "famly" \(known: family, strategy, batch, backend\)/);
  });

  it("names an unknown value and lists the ones that exist", () => {
    expect(() => parseFilters(["family=dense,gru"], axes)).toThrow(/family "gru" is not in this suite's matrix \(family values: dense, lstm, conv, depthwise-conv\)/);
    expect(() => parseFilters(["batch=32"], axes)).toThrow(/batch "32"/);
  });

  it("rejects a filter without key=value", () => {
    expect(() => parseFilters(["dense"], axes)).toThrow(/--filter "dense": expected key=value/);
    expect(() => parseFilters(["family="], axes)).toThrow(/no values/);
  });
});

describe("shards", () => {
  const cells = expandMatrix(axes);

  it.each([1, 2, 3, 4, 5, 7, 96, 100])("%i shards cover the matrix exactly once", (count) => {
    const seen = new Map<string, number>();
    for (let index = 1; index <= count; index++) {
      for (const cell of shardCells(cells, { index, count })) seen.set(cell.id, (seen.get(cell.id) ?? 0) + 1);
    }
    expect(seen.size).toBe(cells.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it("is deterministic and balanced within one cell", () => {
    const a = shardCells(cells, { index: 2, count: 5 }).map((c) => c.id);
    expect(shardCells(cells, { index: 2, count: 5 }).map((c) => c.id)).toEqual(a);
    const sizes = [1, 2, 3, 4, 5].map((index) => shardCells(cells, { index, count: 5 }).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("parses i/n and names bad values", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(() => parseShard("0/4")).toThrow(/--shard "0\/4"/);
    expect(() => parseShard("5/4")).toThrow(/--shard "5\/4"/);
    expect(() => parseShard("half")).toThrow(/expected i\/n/);
  });
});
