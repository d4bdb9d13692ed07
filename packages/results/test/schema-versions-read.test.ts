// Versions 2 and 3 added optional fields only: a file written before a bump is still a valid results file,
// and what this code writes says version 3 and carries the new fields.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findResultsIssues, parseResults, readResultsFile, RESULTS_SCHEMA_VERSION, syntheticCell, syntheticResults } from "../src/index.js";

// A real `pnpm bench --quick` file (4 cells, wasm) written by the harness before the bump to version 2.
const V1_FILE = fileURLToPath(new URL("./fixtures/results-v1.json", import.meta.url));
// A real `pnpm bench --quick --filter family=dense --filter strategy=in-memory,generator --filter batch=32`
// file written at version 2 (2 cells, wasm, with step peaks, memory parts and leak origins).
const V2_FILE = fileURLToPath(new URL("./fixtures/results-v2.json", import.meta.url));

describe("results schema versions", () => {
  it("reads a version-1 file as it is, without the version-2 fields", async () => {
    const results = await readResultsFile(V1_FILE);
    expect(results.schemaVersion).toBe(1);
    expect(results.cells).toHaveLength(4);
    const cell = results.cells[0]!;
    expect(cell.memoryParts).toBeUndefined();
    expect(cell.summary?.peakStepTensorBytes).toBeUndefined();
    expect(cell.batchSamples[0]?.stepPeakBytes).toBeUndefined();
  });

  it("reads a version-2 file as it is, with its step peaks and without a compute device", async () => {
    const results = await readResultsFile(V2_FILE);
    expect(results.schemaVersion).toBe(2);
    expect(results.cells.map((c) => c.id)).toEqual(["dense/in-memory/b32/wasm", "dense/generator/b32/wasm"]);
    expect(results.cells[0]?.summary?.peakStepTensorBytes).toBeGreaterThan(0);
    expect(results.cells[0]?.computeDevice).toBeUndefined();
  });

  it("writes version 3 with step peaks, memory parts and the compute device, and validates them", () => {
    const results = syntheticResults([
      syntheticCell({ family: "lstm", strategy: "generator", batchSize: 32, backend: "wasm" }, { stepPeakBytes: 5_000_000 }),
    ]);
    results.cells[0]!.computeDevice = { description: "nvidia hopper (NVIDIA H200)", software: false };
    expect(RESULTS_SCHEMA_VERSION).toBe(3);
    expect(results.schemaVersion).toBe(3);
    expect(findResultsIssues(results)).toEqual([]);
    expect(results.cells[0]?.summary?.peakStepTensorBytes).toBe(5_000_000);
    expect(results.cells[0]?.samples[0]?.stepPeakBytes).toBe(5_000_000);
  });

  it("refuses an unknown version and a malformed version-2 or version-3 field by path", async () => {
    const v1 = JSON.parse(await readFile(V1_FILE, "utf8")) as Record<string, unknown>;
    expect(() => parseResults({ ...v1, schemaVersion: 4 }, "future.json")).toThrow(/future\.json[\s\S]*\/schemaVersion/);
    const results = syntheticResults([syntheticCell({ family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" })]);
    (results.cells[0]!.memoryParts as unknown as Record<string, unknown>).weightBytes = "40 kB";
    results.cells[0]!.computeDevice = { description: "", software: false };
    expect(findResultsIssues(results).map((i) => i.path)).toEqual([
      "/cells/0/memoryParts/weightBytes",
      "/cells/0/computeDevice/description",
    ]);
  });
});
