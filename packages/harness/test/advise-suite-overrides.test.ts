import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAdviceFile } from "@keras-mem-bench/results";
import { adviseRows } from "../src/cli/command-advise.js";
import { resolveSuite } from "../src/suite/suite-resolve.js";
import { adviseKmb } from "./_advise-io.js";
import { fixture } from "./_run.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

describe("advise and a suite's per-cell overrides", () => {
  const dir = useTempFolder("kmb-advise-overrides-");

  it("advises every family × strategy that has a cell the suite does not skip, at any of its batch sizes", () => {
    const suite = resolveSuite(
      {
        families: ["dense", "lstm"],
        strategies: ["in-memory", "generator"],
        batchSizes: [16, 64],
        overrides: [
          { where: { family: ["lstm"], strategy: ["in-memory"] }, skip: true },
          // Skipped at the smallest batch only: the row is still in the suite.
          { where: { family: ["dense"], strategy: ["in-memory"], batchSize: [16] }, skip: true },
        ],
      },
      "overrides.ts",
      { quick: false },
    );
    expect(adviseRows(suite, { backends: null, filters: [] }).map((r) => `${r.family}/${r.strategy}/${r.backend}`)).toEqual([
      "dense/in-memory/wasm",
      "dense/generator/wasm",
      "lstm/generator/wasm",
    ]);
  });

  it("a probe trains on the samples a normal run of its cell would (the override for b16, the suite's for b64)", async () => {
    const out = join(dir(), "advice.json");
    const run = await adviseKmb([
      "--config",
      fixture("suite-advise-overrides.ts"),
      "--budget",
      "4G",
      "--max-batch",
      "64",
      "--epochs",
      "1",
      "--out",
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const probes = (await readAdviceFile(out)).advice[0]!.probes;
    expect(probes.map((p) => [p.batchSize, p.samplesPerEpoch, p.status])).toEqual([
      [16, 96, "ok"],
      [64, 64, "ok"],
    ]);
  }, 120_000);
});
