import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticCell, syntheticResults, writeResultsFile } from "../src/index.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

const results = syntheticResults([syntheticCell({ family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" })]);

describe("writeResultsFile on failure", () => {
  const dir = useTempFolder("kmb-results-write-");

  it("removes its temp file when the rename fails, and rejects with the rename's error", async () => {
    // A non-empty folder where the file should go: writing the temp file works, renaming over the folder does not.
    const path = join(dir(), "r.json");
    await mkdir(path);
    await writeFile(join(path, "keep"), "x");
    await expect(writeResultsFile(path, results)).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await readdir(dir())).toEqual(["r.json"]);
  });

  it("leaves a folder that has the temp file's name alone", async () => {
    const path = join(dir(), "r.json");
    const temp = `${path}.${process.pid}.tmp`;
    await mkdir(temp);
    await expect(writeResultsFile(path, results)).rejects.toMatchObject({ code: "EISDIR" });
    expect((await readdir(dir())).sort()).toEqual([`r.json.${process.pid}.tmp`]);
  });
});
