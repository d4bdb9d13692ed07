// Benchmark (not a test): the smallest native leak the run and compare catch. The four cells of
// bench/leak-sensitivity-suite.ts (quick settings: 8 epochs, 2 warm-up) run clean twice, then once per leak
// size with a callback keeping that many bytes of Buffers per epoch. For each size: in how many cells the
// run's verdict is `growing`, and in how many compare(clean, leaky) finds a regression (and how many of those
// by the growth verdict appearing); the second clean run is compared with the first as a false-alarm check.
//
//   corepack pnpm exec tsx --conditions=kmb-source bench/leak-sensitivity.ts [--sizes 0,128K,256K,1M] [--out-dir DIR]
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { expandMatrix, loadSuite, runMatrix, silentProgress } from "@keras-mem-bench/harness";
import { compare } from "../packages/report/src/index.js";
import type { ResultsFile } from "../packages/results/src/index.js";

const SUITE = fileURLToPath(new URL("./leak-sensitivity-suite.ts", import.meta.url));
const { values } = parseArgs({ options: { sizes: { type: "string", default: "128K,256K,1M" }, "out-dir": { type: "string" } } });

function parseSize(text: string): number {
  const m = /^(\d+)([KM]?)$/i.exec(text.trim());
  if (!m) throw new Error(`--sizes "${text}": expected sizes like 128K, 256K, 1M`);
  return Number(m[1]) * (m[2]?.toUpperCase() === "M" ? 2 ** 20 : m[2] ? 1024 : 1);
}
const sizes = values.sizes!.split(",").map(parseSize);

async function runWithLeak(bytes: number): Promise<ResultsFile> {
  process.env["KMB_BENCH_LEAK_BYTES"] = String(bytes);
  const suite = await loadSuite(SUITE, { quick: false });
  const cells = expandMatrix({ families: ["dense", "lstm"], strategies: ["in-memory", "tf-data"], batchSizes: [32], backends: ["wasm"] });
  const { results } = await runMatrix({
    suite,
    cells,
    matrixSize: cells.length,
    shard: null,
    epochs: 8,
    warmupEpochs: 2,
    samplesPerEpoch: 256,
    out: null,
    timeoutMs: 600_000,
    maxRssBytes: null,
    progress: silentProgress(),
  });
  if (values["out-dir"]) await writeFile(join(values["out-dir"], `leak-${bytes}.json`), JSON.stringify(results));
  return results;
}

const label = (bytes: number) =>
  bytes === 0 ? "none (2nd clean run)" : bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MiB/epoch` : `${bytes / 1024} KiB/epoch`;
console.log(
  `leak sensitivity: dense, lstm × in-memory, tf-data, b32, wasm; 8 epochs, 2 warm-up; load average ${loadavg()[0]!.toFixed(2)} at start`,
);
const clean = await runWithLeak(0);
console.log(`clean run verdicts: ${clean.cells.map((c) => `${c.id} ${c.verdict}`).join(", ")}`);
console.log("leak                   run: growing   compare: regression (by growth verdict)   retained slope per cell (KiB/epoch)");
for (const bytes of [0, ...sizes]) {
  const leaky = await runWithLeak(bytes);
  const comparison = compare(clean, leaky);
  const growing = leaky.cells.filter((c) => c.verdict === "growing").length;
  const regressions = comparison.cells.filter((c) => c.verdict === "regression").length;
  // Other rules may flag a cell too (epoch time on a loaded machine: 4 cells are too few for a run-to-run scatter).
  const byGrowth = comparison.cells.filter((c) => c.reasons.some((r) => r.startsWith("growth verdict appeared"))).length;
  const slopes = leaky.cells.map((c) =>
    ((c.growth?.series.find((s) => s.memory === "retained")?.bytesPerEpoch ?? Number.NaN) / 1024).toFixed(0),
  );
  console.log(
    `${label(bytes).padEnd(22)} ${`${growing}/${leaky.cells.length}`.padStart(12)}   ${`${regressions}/${comparison.cells.length} (${byGrowth})`.padStart(36)}   ${slopes.join(", ")}`,
  );
  for (const c of comparison.cells)
    if (c.verdict === "regression" && bytes === 0) console.log(`  false alarm ${c.id}: ${c.reasons.join(" | ")}`);
}
console.log(`load average ${loadavg()[0]!.toFixed(2)} at end`);
