import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResultsFileError, parseResults, readResultsFile, syntheticCell, syntheticResults, writeResultsFile } from "../src/index.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

const key = { family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" };

describe("results file", () => {
  const dir = useTempFolder("kmb-results-");

  it("writes and reads back the same data", async () => {
    const results = syntheticResults([syntheticCell(key), syntheticCell({ ...key, family: "lstm" }, { tensorsPerEpoch: 1 })], {
      sha: "abc1234",
    });
    const path = join(dir(), "nested", "r.json");
    await writeResultsFile(path, results);
    expect(await readResultsFile(path)).toEqual(results);
  });

  it("names the file and the JSON path of each problem", async () => {
    const broken = syntheticResults([syntheticCell(key)]) as unknown as { cells: Array<Record<string, unknown>> };
    const cell = broken.cells[0]!;
    cell.status = "exploded";
    delete cell.samples;
    const path = join(dir(), "bad.json");
    await writeFile(path, JSON.stringify(broken));
    const error = await readResultsFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResultsFileError);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toContain("/cells/0/status");
    expect(message).toContain("one of");
    expect(message).toContain("samples");
  });

  it("rejects duplicate cell ids", () => {
    const results = syntheticResults([syntheticCell(key), syntheticCell(key)]);
    expect(() => parseResults(results, "dup.json")).toThrow(/duplicate cell id "dense\/in-memory\/b32\/wasm"/);
  });

  it("says when a file is not JSON", async () => {
    const path = join(dir(), "text.json");
    await writeFile(path, "epoch,rss\n1,2\n");
    await expect(readResultsFile(path)).rejects.toThrow(/text\.json.*\n.*not JSON/);
  });

  it("refuses to write an invalid file and leaves nothing behind", async () => {
    const results = syntheticResults([syntheticCell(key)]);
    (results.cells[0] as unknown as Record<string, unknown>).batchSize = 0;
    const path = join(dir(), "never.json");
    await expect(writeResultsFile(path, results)).rejects.toThrow(/batchSize/);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });
});
