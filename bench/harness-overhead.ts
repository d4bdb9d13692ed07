// Benchmark (not a test): what does measuring cost? The same cell's epochs timed three ways, each in a
// fresh process, rounds interleaved so machine noise hits all three alike:
//
//   harness    `kmb`'s own cell process: tinybench iteration per epoch, memory sample + IPC message after
//              every batch, forced-GC sample after every epoch (outside the timed epoch). Reported: the
//              cell's mean epoch time as the results file has it (summary.meanEpochMs, tinybench mean).
//   no-GC      the same with --no-gc: isolates the cost of the forced GC (V8 re-optimizes after it).
//   bare fit   one `model.fit(xs, ys, { epochs, batchSize })` call on the same model, seed and samples, in
//              a plain process: what a user's script does. Reported: fit wall time ÷ epochs.
//   bare loop  the same pipeline's `fitEpoch()` called once per epoch, no callbacks, no sampling: isolates
//              the per-epoch fit call from the sampling. Reported: mean of the epoch times.
//
// Overhead = harness ÷ bare fit (and ÷ bare loop), per round; the median over rounds is the figure.
//
//   corepack pnpm exec tsx --conditions=kmb-source bench/harness-overhead.ts [--family dense] [--strategy in-memory] [--batch 32]
//                                                    [--epochs 8] [--samples 512] [--rounds 5]
import { spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  builtInModels,
  builtInPipelines,
  DEFAULT_SUITE_FILE,
  expandMatrix,
  gatherSamples,
  loadSuite,
  runMatrix,
  setUpBackend,
  silentProgress,
  tf,
  type LayerFamily,
  type DatasetStrategy,
} from "@keras-mem-bench/harness";
import { median, positiveIntegers, stringFlags } from "./_options.js";

interface Options {
  family: string;
  strategy: string;
  batch: number;
  epochs: number;
  samples: number;
  rounds: number;
}

const SEED = 42;
const SELF = fileURLToPath(import.meta.url);
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function parseOptions(argv: string[]): Options & { bare: string | undefined } {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...stringFlags({ family: "dense", strategy: "in-memory", batch: 32, epochs: 8, samples: 512, rounds: 5 }),
      bare: { type: "string" },
    },
  });
  return {
    family: values.family!,
    strategy: values.strategy!,
    ...positiveIntegers(values, ["batch", "epochs", "samples", "rounds"]),
    bare: values.bare,
  };
}

/** Child mode: train without the harness and print the epoch time as JSON. */
async function bare(mode: string, o: Options): Promise<void> {
  await setUpBackend("wasm");
  tf.env().set("PROD", true);
  const spec = builtInModels[o.family as LayerFamily];
  if (!spec) throw new Error(`--family "${o.family}": not a built-in family`);
  const model = spec.build(SEED);
  const source = spec.samples(SEED, o.samples);
  let epochMs: number;
  if (mode === "fit") {
    const { xs, ys } = gatherSamples(source, 0, source.count);
    const x = tf.tensor(xs, [source.count, ...source.xShape]);
    const y = tf.tensor(ys, [source.count, ...source.yShape]);
    const start = performance.now();
    await model.fit(x, y, { epochs: o.epochs, batchSize: o.batch, shuffle: false, verbose: 0 });
    epochMs = (performance.now() - start) / o.epochs;
  } else {
    const factory = builtInPipelines[o.strategy as DatasetStrategy];
    if (!factory) throw new Error(`--strategy "${o.strategy}": not a built-in strategy`);
    const pipeline = factory.create(source, { batchSize: o.batch });
    await pipeline.prepare();
    const times: number[] = [];
    for (let e = 0; e < o.epochs; e++) {
      const start = performance.now();
      await pipeline.fitEpoch(model);
      times.push(performance.now() - start);
    }
    await pipeline.dispose();
    epochMs = times.reduce((a, b) => a + b, 0) / times.length;
  }
  process.stdout.write(`${JSON.stringify({ epochMs })}\n`);
}

function runBare(mode: "fit" | "loop", o: Options): Promise<number> {
  const args = ["--import", TSX, SELF, "--bare", mode, "--family", o.family, "--strategy", o.strategy];
  args.push("--batch", String(o.batch), "--epochs", String(o.epochs), "--samples", String(o.samples));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`bare ${mode} process exited with ${code}: ${out.slice(-500)}`));
      else resolve((JSON.parse(line) as { epochMs: number }).epochMs);
    });
  });
}

async function runHarness(o: Options, forcedGc: boolean): Promise<{ epochMs: number; gcSampleMs: number }> {
  const suite = await loadSuite(DEFAULT_SUITE_FILE, { quick: false });
  const cells = expandMatrix({ families: [o.family], strategies: [o.strategy], batchSizes: [o.batch], backends: ["wasm"] });
  const { results } = await runMatrix({
    suite,
    cells,
    matrixSize: 1,
    shard: null,
    epochs: o.epochs,
    warmupEpochs: Math.min(2, o.epochs - 1),
    samplesPerEpoch: o.samples,
    out: null,
    timeoutMs: 600_000,
    maxRssBytes: null,
    forcedGc,
    progress: silentProgress(),
  });
  const cell = results.cells[0]!;
  if (cell.status !== "ok") throw new Error(`harness cell ${cell.id}: ${cell.status}: ${cell.error?.message}`);
  // Time between epochs not spent training: the forced GC and the epoch sample.
  const s = cell.samples;
  const gaps = s.slice(1).map((x, i) => x.elapsedMs - s[i]!.elapsedMs - x.timeMs);
  return { epochMs: cell.summary!.meanEpochMs, gcSampleMs: gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length) };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (o.bare) return bare(o.bare, o);
  console.log(
    `harness overhead: ${o.family}/${o.strategy}/b${o.batch}/wasm, ${o.epochs} epochs × ${o.samples} samples, ${o.rounds} rounds; ` +
      `${cpus().length} × ${cpus()[0]?.model.trim()}, load average ${loadavg()[0]!.toFixed(2)} at start`,
  );
  console.log(
    "round  harness ms/epoch  no-GC ms/epoch  bare fit ms/epoch  bare loop ms/epoch  harness÷fit  no-GC÷fit  no-GC÷loop  GC+sample ms",
  );
  const rows: Array<{ h: number; n: number; f: number; l: number; gc: number }> = [];
  for (let round = 1; round <= o.rounds; round++) {
    // Rotate the order so no variant always runs first or last in a round.
    const order = [0, 1, 2, 3].map((i) => (i + round) % 4);
    const got: number[] = [0, 0, 0, 0];
    let gc = 0;
    for (const which of order) {
      if (which === 0) {
        const h = await runHarness(o, true);
        got[0] = h.epochMs;
        gc = h.gcSampleMs;
      } else if (which === 1) got[1] = (await runHarness(o, false)).epochMs;
      else got[which] = await runBare(which === 2 ? "fit" : "loop", o);
    }
    const [h, n, f, l] = got as [number, number, number, number];
    rows.push({ h, n, f, l, gc });
    console.log(
      `${String(round).padStart(5)}  ${h.toFixed(1).padStart(16)}  ${n.toFixed(1).padStart(14)}  ${f.toFixed(1).padStart(17)}  ${l.toFixed(1).padStart(18)}  ` +
        `${(h / f).toFixed(3).padStart(11)}  ${(n / f).toFixed(3).padStart(9)}  ${(n / l).toFixed(3).padStart(10)}  ${gc.toFixed(1).padStart(12)}`,
    );
  }
  const m = (pick: (r: (typeof rows)[number]) => number) => median(rows.map(pick)).toFixed(3);
  console.log(
    `median over ${o.rounds} rounds: harness ÷ bare fit = ${m((r) => r.h / r.f)}, harness --no-gc ÷ bare fit = ${m((r) => r.n / r.f)}, ` +
      `harness --no-gc ÷ bare loop = ${m((r) => r.n / r.l)}; forced GC + epoch sample between epochs = ${median(rows.map((r) => r.gc)).toFixed(1)} ms ` +
      `(not in the epoch time); load average ${loadavg()[0]!.toFixed(2)} at end`,
  );
}

await main();
