// Benchmark (not a test): what does recording tensor origins cost? The same cell run by the harness with
// origins on (the default) and off (--no-origins), each in a fresh process, rounds alternating which goes
// first. Per run: the median epoch wall time and the median epoch CPU time after warm-up (CPU time hardly
// moves when other jobs share the machine). Overhead = on ÷ off per round; the median over rounds is the figure.
//
//   corepack pnpm exec tsx --conditions=kmb-source bench/origin-overhead.ts [--family lstm] [--strategy in-memory] [--batch 32]
//                                                   [--epochs 8] [--samples 256] [--rounds 5] [--stacks]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { DEFAULT_SUITE_FILE, expandMatrix, loadSuite, runMatrix, silentProgress } from "@keras-mem-bench/harness";
import { median, positiveIntegers, stringFlags } from "./_options.js";

const { values } = parseArgs({
  options: {
    ...stringFlags({ family: "lstm", strategy: "in-memory", batch: 32, epochs: 8, samples: 256, rounds: 5 }),
    stacks: { type: "boolean", default: false },
  },
});
const { batch, epochs, samples, rounds } = positiveIntegers(values, ["batch", "epochs", "samples", "rounds"]);
const warmupEpochs = Math.min(2, epochs - 1);

async function runCell(origins: boolean): Promise<{ wallMs: number; cpuMs: number }> {
  const suite = await loadSuite(DEFAULT_SUITE_FILE, { quick: false });
  const { results } = await runMatrix({
    suite,
    cells: expandMatrix({ families: [values.family!], strategies: [values.strategy!], batchSizes: [batch], backends: ["wasm"] }),
    matrixSize: 1,
    shard: null,
    epochs,
    warmupEpochs,
    samplesPerEpoch: samples,
    out: null,
    timeoutMs: 600_000,
    maxRssBytes: null,
    diagnostics: { origins: origins ? "always" : "never", originStacks: origins && values.stacks!, heapSnapshots: false },
    progress: silentProgress(),
  });
  const cell = results.cells[0]!;
  if (cell.status !== "ok") throw new Error(`${cell.id}: ${cell.status}: ${cell.error?.message}`);
  if (origins !== (cell.leakOrigins !== undefined))
    throw new Error(`${cell.id}: origins ${origins ? "missing" : "recorded with --no-origins"}`);
  const judged = cell.samples.filter((s) => s.epoch > warmupEpochs);
  return { wallMs: median(judged.map((s) => s.timeMs)), cpuMs: median(judged.map((s) => s.cpuTimeMs ?? Number.NaN)) };
}

const what = `${values.family}/${values.strategy}/b${batch}/wasm, ${epochs} epochs (${warmupEpochs} warm-up) × ${samples} samples${values.stacks ? ", with stacks" : ""}`;
console.log(
  `origin tracking overhead: ${what}, ${rounds} rounds; ${cpus().length} × ${cpus()[0]?.model.trim()}, load average ${loadavg()[0]!.toFixed(2)} at start`,
);
console.log("round  on wall ms  off wall ms  on cpu ms  off cpu ms  wall on÷off  cpu on÷off");
const ratios: Array<{ wall: number; cpu: number }> = [];
for (let round = 1; round <= rounds; round++) {
  const firstOn = round % 2 === 1;
  const a = await runCell(firstOn);
  const b = await runCell(!firstOn);
  const [on, off] = firstOn ? [a, b] : [b, a];
  ratios.push({ wall: on.wallMs / off.wallMs, cpu: on.cpuMs / off.cpuMs });
  console.log(
    `${String(round).padStart(5)}  ${on.wallMs.toFixed(1).padStart(10)}  ${off.wallMs.toFixed(1).padStart(11)}  ${on.cpuMs.toFixed(1).padStart(9)}  ${off.cpuMs.toFixed(1).padStart(10)}  ` +
      `${ratios[round - 1]!.wall.toFixed(3).padStart(11)}  ${ratios[round - 1]!.cpu.toFixed(3).padStart(10)}`,
  );
}
console.log(
  `median over ${rounds} rounds: wall on÷off = ${median(ratios.map((r) => r.wall)).toFixed(3)}, cpu on÷off = ${median(ratios.map((r) => r.cpu)).toFixed(3)}; ` +
    `load average ${loadavg()[0]!.toFixed(2)} at end`,
);
