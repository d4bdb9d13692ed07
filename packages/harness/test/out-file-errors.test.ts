import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readResultsFile } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { outPathProblem } from "../src/parent/out-file.js";
import { silentProgress, type ProgressReporter } from "../src/parent/progress.js";
import { childPids } from "./_children.js";
import { captureKmb, fixture } from "./_run.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

describe("--out", () => {
  const dir = useTempFolder("kmb-out-test-");

  it("accepts a file in a writable folder, including folders still to be created", async () => {
    expect(await outPathProblem(join(dir(), "r.json"))).toBeNull();
    expect(await outPathProblem(join(dir(), "results", "shards", "r.json"))).toBeNull();
  });

  it("a path below a file, or a folder, fails before any cell runs with exit 2, naming --out and the path", async () => {
    const file = join(dir(), "a-file");
    await writeFile(file, "");
    const below = join(file, "sub", "r.json");
    const run = await captureKmb(["--config", fixture("suite-crashes.ts"), "--filter", "family=healthy", "--out", below]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kmb: --out "${below}": ${file} is not a folder`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");

    const asFolder = await captureKmb(["--config", fixture("suite-crashes.ts"), "--out", dir()]);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toContain(`kmb: --out "${dir()}": ${dir()} is a folder; expected a file path`);
  });

  it("a write that fails mid-run stops every running cell, says so naming --out, and the final save retries", async () => {
    const outDir = join(dir(), "results");
    const out = join(outDir, "r.json");
    const before = childPids();
    let aliveAtFinish: number[] | undefined;
    const progress: ProgressReporter = {
      ...silentProgress(),
      // Only the healthy cell can finish (the other hangs until killed); its save then meets a file where the folder was.
      cellFinished() {
        rmSync(outDir, { recursive: true, force: true });
        writeFileSync(outDir, "");
      },
      // Called once the workers are done, before the final save: the folder comes back for that retry.
      finish() {
        aliveAtFinish = childPids().filter((pid) => !before.includes(pid));
        rmSync(outDir, { force: true });
        mkdirSync(outDir);
      },
    };
    const run = await captureKmb(
      ["--config", fixture("suite-crashes.ts"), "--filter", "family=healthy,hangs", "--jobs", "2", "--out", out],
      progress,
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`kmb: --out "${out}": cannot write the results file: EEXIST`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // The hanging cell was killed when the write failed, not left running.
    expect(aliveAtFinish).toEqual([]);
    const saved = await readResultsFile(out);
    expect(saved.cells.map((c) => [c.family, c.status])).toEqual([["healthy", "ok"]]);
  }, 120_000);
});
