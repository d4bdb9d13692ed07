// The compare and merge commands as a user runs them: files in, table out, exit status, files written.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bufferedIo as capture, readResultsFile, syntheticCell, syntheticResults, type ResultsFile } from "@keras-mem-bench/results";
import { beforeEach, describe, expect, it } from "vitest";
import { compareCommand } from "../src/cli/command-compare.js";
import { mergeCommand } from "../src/cli/command-merge.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

const k = (family: string) => ({ family, strategy: "tf-data", batchSize: 32, backend: "wasm" });

describe("kmb compare", () => {
  const dir = useTempFolder("kmb-compare-");
  let basePath: string;
  let headPath: string;
  let leakPath: string;
  let slowPath: string;
  beforeEach(async () => {
    const write = async (name: string, results: ResultsFile) => {
      const path = join(dir(), name);
      await writeFile(path, JSON.stringify(results));
      return path;
    };
    basePath = await write(
      "base.json",
      syntheticResults([syntheticCell(k("dense"), { seed: 1 }), syntheticCell(k("lstm"), { seed: 2 })], { sha: "a".repeat(40) }),
    );
    headPath = await write(
      "head.json",
      syntheticResults([syntheticCell(k("dense"), { seed: 3 }), syntheticCell(k("lstm"), { seed: 4 })], { sha: "b".repeat(40) }),
    );
    leakPath = await write(
      "leak.json",
      syntheticResults([syntheticCell(k("dense"), { seed: 3 }), syntheticCell(k("lstm"), { seed: 4, tensorsPerEpoch: 1 })], {
        sha: "c".repeat(40),
      }),
    );
    slowPath = await write(
      "slow.json",
      syntheticResults([syntheticCell(k("dense"), { seed: 3 }), syntheticCell(k("lstm"), { seed: 4, epochMs: 300 })], {
        sha: "e".repeat(40),
      }),
    );
  });

  it("prints the table and exits 0 when nothing regressed", async () => {
    const io = capture();
    expect(await compareCommand([basePath, headPath, "--fail-on-regression"], io)).toBe(0);
    expect(io.out).toMatch(/^✅ 2 unchanged/);
    expect(io.out).toMatch(/dense\/tf-data\/b32\/wasm\s+unchanged/);
  });

  it("exits 1 on a regression only with --fail-on-regression, and writes the markdown", async () => {
    const io = capture();
    expect(await compareCommand([basePath, leakPath], io)).toBe(0);
    expect(io.out).toMatch(/lstm\/tf-data\/b32\/wasm\s+regression/);
    const md = join(dir(), "out", "..", "report.md");
    expect(await compareCommand([basePath, leakPath, "--fail-on-regression", "--markdown", md, "--marker", "sticky"], capture())).toBe(1);
    const text = await readFile(md, "utf8");
    expect(text.startsWith("<!-- keras-mem-bench:sticky -->\n")).toBe(true);
    expect(text).toMatch(/^❌ 1 regression, 1 unchanged$/m);
    expect(text).toContain("**lstm/tf-data/b32/wasm**");
    expect(text).toContain("base (aaaaaaa)");
  });

  it("applies a thresholds file", async () => {
    const path = join(dir(), "thresholds.json");
    await writeFile(path, JSON.stringify({ cells: { "lstm/**": { timeMinChange: "60%" } } }));
    expect(await compareCommand([basePath, slowPath, "--fail-on-regression"], capture())).toBe(1);
    expect(await compareCommand([basePath, slowPath, "--fail-on-regression", "--thresholds", path], capture())).toBe(0);
  });

  it("exits 2 with a message naming the bad file or flag", async () => {
    const cases: Array<[string[], RegExp]> = [
      [[basePath], /expected BASE\.json and HEAD\.json, got 1 file/],
      [[basePath, headPath, "--bogus"], /kmb compare: Unknown option '--bogus'/],
      [[basePath, join(dir(), "missing.json")], /missing\.json is not a valid keras-mem-bench results file:\n {2}\/: cannot read/],
      [[basePath, headPath, "--thresholds", join(dir(), "nope.json")], /^--thresholds: cannot read .*nope\.json/],
      [[basePath, headPath, "--marker", "a -->"], /^--marker: /],
    ];
    for (const [argv, message] of cases) {
      const io = capture();
      expect(await compareCommand(argv, io), argv.join(" ")).toBe(2);
      expect(io.err).toMatch(message);
    }
    const bad = join(dir(), "bad-thresholds.json");
    await writeFile(bad, JSON.stringify({ defaults: { timeAlpha: 2 } }));
    const io = capture();
    expect(await compareCommand([basePath, headPath, "--thresholds", bad], io)).toBe(2);
    expect(io.err).toContain(`${bad}: "defaults.timeAlpha" must be between 0 and 1`);
  });
});

describe("kmb merge", () => {
  const dir = useTempFolder("kmb-merge-");

  async function shard(index: number, families: string[]): Promise<string> {
    const results = syntheticResults(
      families.map((f) => syntheticCell(k(f))),
      { sha: "d".repeat(40) },
    );
    results.suite.shard = { index, count: 2, matrixSize: 3 };
    const path = join(dir(), `shard-${index}.json`);
    await writeFile(path, JSON.stringify(results));
    return path;
  }

  it("writes one valid file from all shards", async () => {
    const [s1, s2] = [await shard(1, ["dense", "lstm"]), await shard(2, ["conv"])];
    const out = join(dir(), "all.json");
    const io = capture();
    expect(await mergeCommand([s2, s1, "--out", out], io)).toBe(0);
    expect(io.out).toContain(`Merged 2 files (3 cells) into ${out}`);
    const merged = await readResultsFile(out);
    expect(merged.cells.map((c) => c.family)).toEqual(["dense", "lstm", "conv"]);
    expect(merged.suite.shard).toBeNull();
  });

  it("refuses overlapping or missing shards, and a missing --out, with exit 2", async () => {
    const s1 = await shard(1, ["dense", "lstm"]);
    const io = capture();
    expect(await mergeCommand([s1, "--out", join(dir(), "all.json")], io)).toBe(2);
    expect(io.err).toMatch(/missing shard 2 of 2; given 1 \(.*shard-1\.json\)/);
    const io2 = capture();
    expect(await mergeCommand([s1], io2)).toBe(2);
    expect(io2.err).toMatch(/--out FILE is required/);
    const io3 = capture();
    expect(await mergeCommand([s1, s1, "--out", join(dir(), "x.json")], io3)).toBe(2);
    expect(io3.err).toMatch(/shard-1\.json is given twice/);
  });
});
