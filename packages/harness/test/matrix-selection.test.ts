import { describe, expect, it } from "vitest";
import { selectCells } from "../src/cli/command-run.js";
import { expandMatrix, type MatrixAxes } from "../src/matrix/matrix-cells.js";
import { applyFilter, parseFilters } from "../src/matrix/matrix-filter.js";
import { parseShard, shardCells } from "../src/matrix/matrix-shard.js";
import { MatrixSelectionError } from "../src/matrix/selection-error.js";
import { resolveSuite } from "../src/suite/suite-resolve.js";

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
    expect(cells[0]).toEqual({
      id: "dense/in-memory/b16/wasm",
      family: "dense",
      strategy: "in-memory",
      batchSize: 16,
      backend: "wasm",
      gpuMemoryGrowth: null,
    });
  });
});

describe("GPU allocator axis", () => {
  const withTensorflow: MatrixAxes = { ...axes, batchSizes: [16], backends: ["wasm", "tensorflow"] };

  it("doubles tensorflow cells into growth-on and growth-off; other backends run once without the setting", () => {
    const cells = expandMatrix(withTensorflow);
    expect(cells).toHaveLength(16 + 16 * 2);
    expect(cells.filter((c) => c.backend === "wasm").every((c) => c.gpuMemoryGrowth === null && !c.id.includes("growth"))).toBe(true);
    const tf = cells.filter((c) => c.backend === "tensorflow");
    expect(tf.slice(0, 2).map((c) => c.id)).toEqual([
      "dense/in-memory/b16/tensorflow/growth-on",
      "dense/in-memory/b16/tensorflow/growth-off",
    ]);
    expect(tf.map((c) => c.gpuMemoryGrowth)).toEqual(Array.from({ length: 16 }, () => [true, false]).flat());
  });

  it("runs only the settings asked for", () => {
    const cells = expandMatrix({ ...withTensorflow, gpuMemoryGrowth: [false] }).filter((c) => c.backend === "tensorflow");
    expect(cells).toHaveLength(16);
    expect(cells.every((c) => c.id.endsWith("/growth-off"))).toBe(true);
  });

  it("growth=on keeps only cells that have the setting on", () => {
    const ids = applyFilter(expandMatrix(withTensorflow), parseFilters(["growth=on", "family=dense"], withTensorflow)).map((c) => c.id);
    expect(ids).toEqual([
      "dense/in-memory/b16/tensorflow/growth-on",
      "dense/generator/b16/tensorflow/growth-on",
      "dense/tf-data/b16/tensorflow/growth-on",
      "dense/file-stream/b16/tensorflow/growth-on",
    ]);
  });

  it("--gpu-memory-growth on a matrix without tensorflow is an error naming the flag, like the growth filter", () => {
    const suite = resolveSuite({ families: ["dense"], strategies: ["in-memory"], batchSizes: [16] }, "suite.ts", { quick: false });
    const select = (backends: string[] | null) =>
      selectCells(suite, { batchSizes: null, backends, filters: [], shard: null, gpuMemoryGrowth: [false] });
    expect(() => select(null)).toThrow(MatrixSelectionError);
    expect(() => select(["wasm", "cpu"])).toThrow(
      /--gpu-memory-growth "off": the GPU allocator axis exists only on backend tensorflow, which this matrix does not include \(backends: wasm, cpu;/,
    );
    expect(select(["wasm", "tensorflow"]).cells.map((c) => c.id)).toEqual([
      "dense/in-memory/b16/wasm",
      "dense/in-memory/b16/tensorflow/growth-off",
    ]);
  });

  it("a growth filter on a matrix without tensorflow says why it cannot apply", () => {
    expect(() => parseFilters(["growth=on"], axes)).toThrow(
      /--filter "growth=on": the GPU allocator axis exists only on backend tensorflow, which this matrix does not include/,
    );
    expect(() => parseFilters(["growth=maybe"], withTensorflow)).toThrow(
      /growth "maybe" is not in this suite's matrix \(growth values: on, off\)/,
    );
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
    expect(() => parseFilters(["famly=dense"], axes)).toThrow(
      /--filter "famly=dense": unknown key "famly" \(known: family, strategy, batch, backend, growth\)/,
    );
  });

  it("names an unknown value and lists the ones that exist", () => {
    expect(() => parseFilters(["family=dense,gru"], axes)).toThrow(
      /family "gru" is not in this suite's matrix \(family values: dense, lstm, conv, depthwise-conv\)/,
    );
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
