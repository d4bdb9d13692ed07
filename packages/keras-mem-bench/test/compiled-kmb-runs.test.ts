// The built package as a user runs it: dist/bin.js with plain node, cell processes on compiled JavaScript.
// turbo builds dist/ before these tests (turbo.json: keras-mem-bench#test depends on its build).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readResultsFile } from "@keras-mem-bench/results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const bin = join(dist, "bin.js");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kmb-compiled-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the compiled kmb", () => {
  it("runs with plain node: the default suite's cells start from compiled JavaScript and write valid results", async () => {
    const out = join(dir, "r.json");
    const args = [
      "--filter",
      "family=dense",
      "--filter",
      "strategy=in-memory,tf-data",
      "--batch-sizes",
      "16",
      "--epochs",
      "2",
      "--warmup-epochs",
      "1",
      "--samples",
      "32",
      "--out",
      out,
    ];
    const { stderr } = await run(process.execPath, [bin, ...args], { cwd: dir });
    expect(stderr).toContain('suite "default"');
    const results = await readResultsFile(out);
    expect(results.cells.map((c) => [c.id, c.status])).toEqual([
      ["dense/in-memory/b16/wasm", "ok"],
      ["dense/tf-data/b16/wasm", "ok"],
    ]);
    expect(results.env.tfjs["@tensorflow/tfjs-core"]).toBe("4.22.0");
    expect(results.cells.every((c) => (c.startupMs ?? 0) > 0)).toBe(true);
  });

  it("has a bin that node runs directly and declarations for the suite API", async () => {
    expect((await readFile(bin, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
    const types = await readFile(join(dist, "types", "keras-mem-bench", "src", "index.d.ts"), "utf8");
    for (const name of [
      "defineSuite",
      "createSampleSource",
      "ModelSpec",
      "PipelineFactory",
      "SampleSource",
      "builtInModels",
      "builtInPipelines",
    ]) {
      expect(types).toContain(name);
    }
    // No bare workspace import is left for a user's TypeScript to fail on.
    expect(types).not.toContain("@keras-mem-bench/");
  });
});
