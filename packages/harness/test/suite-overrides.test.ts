import { describe, expect, it } from "vitest";
import { selectCells } from "../src/cli/command-run.js";
import { cellSettings } from "../src/suite/suite-overrides.js";
import { resolveSuite, SuiteConfigError } from "../src/suite/suite-resolve.js";

const FILE = "claims-like.ts";
const resolve = (config: unknown, quick = false) => resolveSuite(config, FILE, { quick });
const NO_CLI = { batchSizes: null, backends: null, filters: [], shard: null };

function resolveError(config: unknown): SuiteConfigError {
  try {
    resolve(config);
  } catch (error) {
    expect(error).toBeInstanceOf(SuiteConfigError);
    return error as SuiteConfigError;
  }
  throw new Error("expected a SuiteConfigError");
}

describe("suite overrides", () => {
  const suite = resolve({
    families: ["dense", "lstm"],
    strategies: ["in-memory", "generator"],
    batchSizes: [16, 64],
    samplesPerEpoch: 512,
    overrides: [
      { where: { family: ["dense"], batchSize: [64] }, samplesPerEpoch: 65536 },
      { where: { family: ["lstm"], strategy: ["in-memory"] }, skip: true },
      { where: { family: ["dense"], strategy: ["in-memory"], batchSize: [64] }, samplesPerEpoch: 131072, maxRss: "320M" },
    ],
  });

  it("a later entry wins for the keys it sets, and cells no entry picks keep the suite's settings", () => {
    expect(cellSettings(suite.overrides, { family: "dense", strategy: "in-memory", batchSize: 64, backend: "wasm" })).toEqual({
      skip: false,
      samplesPerEpoch: 131072,
      maxRssBytes: 320 * 2 ** 20,
    });
    expect(cellSettings(suite.overrides, { family: "dense", strategy: "generator", batchSize: 64, backend: "wasm" })).toEqual({
      skip: false,
      samplesPerEpoch: 65536,
    });
    expect(cellSettings(suite.overrides, { family: "dense", strategy: "generator", batchSize: 16, backend: "wasm" })).toEqual({
      skip: false,
    });
  });

  it("skipped cells are not in the matrix the run selects", () => {
    const ids = selectCells(suite, NO_CLI).cells.map((c) => c.id);
    expect(ids).toEqual([
      "dense/in-memory/b16/wasm",
      "dense/in-memory/b64/wasm",
      "dense/generator/b16/wasm",
      "dense/generator/b64/wasm",
      "lstm/generator/b16/wasm",
      "lstm/generator/b64/wasm",
    ]);
  });

  it("quickOverrides can replace the overrides (a quick run without the big data set)", () => {
    const quick = resolve(
      { families: ["dense"], overrides: [{ where: { family: ["dense"] }, samplesPerEpoch: 65536 }], quickOverrides: { overrides: [] } },
      true,
    );
    expect(quick.overrides).toEqual([]);
  });

  it("a value the matrix does not have is an error naming the entry, the axis and the values there are", () => {
    const error = resolveError({ families: ["dense"], overrides: [{ where: { family: ["lstm"] }, skip: true }] });
    expect(error.key).toBe("overrides[0].where.family[0]");
    expect(error.message).toBe(`${FILE}: overrides[0].where.family[0]: "lstm" is not in this suite's matrix (family: dense)`);
  });

  it("unknown keys, a bad size and a bad sample count name the entry", () => {
    expect(resolveError({ overrides: [{ where: {}, samples: 3 }] }).key).toBe("overrides[0].samples");
    expect(resolveError({ overrides: [{ where: { batch: [32] } }] }).key).toBe("overrides[0].where.batch");
    expect(resolveError({ overrides: [{ where: {}, maxRss: "lots" }] }).message).toBe(
      `${FILE}: overrides[0].maxRss: must be a size like "512M" or "2G", got "lots"`,
    );
    expect(resolveError({ overrides: [{ where: {}, samplesPerEpoch: 0 }] }).key).toBe("overrides[0].samplesPerEpoch");
    expect(resolveError({ overrides: { where: {} } }).key).toBe("overrides");
  });
});
