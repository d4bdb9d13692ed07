// Benchmark (not a test): does compare() stay quiet on reruns of identical code, and does it catch the
// changes it should? Prints false-positive counts over N comparisons of reruns, then the detection
// rate of three injected changes (+1 tensor/epoch, +10% peak RSS, +20% epoch time) on the same pairs.
//
//   corepack pnpm exec tsx bench/compare-noise.ts                     # synthetic reruns, noise profiles below
//   corepack pnpm exec tsx bench/compare-noise.ts --runs r1.json r2.json r3.json ...   # real reruns
//   options: --pairs 20  --seed 1  --profile quiet|loaded|all  --thresholds FILE  --verbose
//            --rejudge (with --runs: verdicts again from the samples by the harness's current analysis)
//
// With --runs, every ordered pair (base = run i, head = run j, i ≠ j) of the given results files is one
// comparison, up to --pairs. The files must be reruns of the same code and suite. It then prints where
// their time noise sits (machine shift, per-cell scatter, within-run spread).
import { parseArgs } from "node:util";
import { linearFit, MAD_TO_SIGMA, median, medianAbsoluteDeviation, type MetricKey } from "../packages/metrics/src/index.js";
import { compare, readThresholdsFile, type Comparison, type Thresholds } from "../packages/report/src/index.js";
import { analyseCell } from "../packages/harness/src/analysis/analysis.js";
import {
  cellId,
  epochTimingOf,
  mulberry32,
  readResultsFile,
  RESULTS_SCHEMA_VERSION,
  type Cell,
  type EpochSample,
  type ResultsFile,
} from "../packages/results/src/index.js";

// ---------------------------------------------------------------------------------------------
// Synthetic reruns. Stated noise model (per profile):
//   time:  epoch ms = cell base × machine factor (per run, shared by all cells) × cell factor (per run
//          and cell) × per-epoch jitter, all log-normal; a share of epochs hit an outlier (GC pause, a
//          noisy neighbour); epoch 1 is 1.6× and epoch 2 1.1× (JIT, allocator warm-up).
//   RSS:   cell level × log-normal run offset (where the process settles at start-up), a warm-up ramp
//          (85%, 95%, then 100%), per-epoch jitter, and in some runs an allocator step (+2.5%) from a
//          random epoch on.
//   retained (heap used + external after the forced GC): 29 MiB heap ± 0.1% + 23.8 MiB external.
//   counts: tensors and data ids exact, as measured (no epoch-to-epoch blips in any real run here).
// "loaded" is calibrated to 5 real reruns on the shared 2-core dev machine (load 4–5): machine factor
// sd 0.38, cell factor sd 0.21, per-epoch sd 0.23 (all natural-log), RSS run offset sd 0.04.
// "quiet" is an assumption for a dedicated runner, not a measurement.
// ---------------------------------------------------------------------------------------------
interface NoiseProfile {
  name: string;
  machineSd: number;
  cellSd: number;
  epochJitterSd: number;
  outlierRate: number;
  outlierFactor: number;
  rssRunSd: number;
  rssEpochSd: number;
  rssStepRate: number;
}

const PROFILES: NoiseProfile[] = [
  {
    name: "quiet",
    machineSd: 0.02,
    cellSd: 0.02,
    epochJitterSd: 0.04,
    outlierRate: 0.05,
    outlierFactor: 1.25,
    rssRunSd: 0.015,
    rssEpochSd: 0.003,
    rssStepRate: 0.2,
  },
  {
    name: "loaded",
    machineSd: 0.38,
    cellSd: 0.21,
    epochJitterSd: 0.23,
    outlierRate: 0,
    outlierFactor: 1,
    rssRunSd: 0.04,
    rssEpochSd: 0.003,
    rssStepRate: 0.3,
  },
];

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const FAMILIES = ["dense", "lstm", "conv", "depthwise-conv"];
const STRATEGIES = ["in-memory", "generator", "tf-data", "file-stream"];
const BATCHES = [32, 256];
const EPOCHS = 8;
const WARMUP = 2;
const SAMPLES_PER_EPOCH = 512;

/** Recomputes a cell's summary from its samples the way the harness defines it (slopes after warm-up). */
function summarise(cell: Cell, warmup: number): Cell {
  const after = cell.samples.filter((s) => s.epoch > warmup);
  const xs = after.map((s) => s.epoch);
  const slope = (pick: (s: EpochSample) => number) => linearFit(xs, after.map(pick)).slope;
  const timing = epochTimingOf(
    after.map((s) => s.timeMs),
    cell.samplesPerEpoch,
  );
  const peak = (pick: (s: EpochSample) => number) => Math.max(...cell.samples.map(pick));
  const tensorsPerEpoch = slope((s) => s.numTensors);
  const rssBytesPerEpoch = slope((s) => s.rssBytes);
  const peakRss = peak((s) => s.rssBytes);
  return {
    ...cell,
    verdict: tensorsPerEpoch >= 0.5 ? "leaking" : rssBytesPerEpoch > 0.01 * peakRss ? "growing" : "stable",
    summary: {
      peakRssBytes: peakRss,
      peakHeapUsedBytes: peak((s) => s.heapUsedBytes),
      peakNumTensors: peak((s) => s.numTensors),
      peakNumBytes: peak((s) => s.numBytes),
      peakWasmHeapBytes: null,
      tensorsPerEpoch,
      dataIdsPerEpoch: slope((s) => s.numDataIds ?? 0),
      numBytesPerEpoch: slope((s) => s.numBytes),
      rssBytesPerEpoch,
      heapBytesPerEpoch: slope((s) => s.heapUsedBytes),
      externalBytesPerEpoch: slope((s) => s.externalBytes),
      meanEpochMs: timing.meanMs,
      timing,
      warmupEpochs: warmup,
      finalLoss: null,
      firstLoss: null,
    },
  };
}

function syntheticRun(profile: NoiseProfile, seed: number): ResultsFile {
  const random = mulberry32(seed);
  const machine = Math.exp(profile.machineSd * gaussian(random));
  const cells: Cell[] = [];
  FAMILIES.forEach((family, f) => {
    STRATEGIES.forEach((strategy, s) => {
      for (const batchSize of BATCHES) {
        // Cell levels: fixed per cell (the same code), only the noise differs between runs.
        const baseMs = [90, 650, 260, 220][f]! * (batchSize === 32 ? 1 : 0.55) * [1, 1.15, 1.2, 1.3][s]!;
        const baseRss = (260 + 40 * f + 25 * s + (batchSize === 256 ? 60 : 0)) * 2 ** 20;
        const baseTensors = [12, 10, 14, 18][f]! + (strategy === "in-memory" ? 2 : 0);
        const cellFactor = Math.exp(profile.cellSd * gaussian(random));
        const rssOffset = Math.exp(profile.rssRunSd * gaussian(random));
        const stepAt = random() < profile.rssStepRate ? 3 + Math.floor(random() * (EPOCHS - 2)) : Number.POSITIVE_INFINITY;
        const samples: EpochSample[] = [];
        let elapsed = 0;
        for (let epoch = 1; epoch <= EPOCHS; epoch++) {
          const warm = epoch === 1 ? 1.6 : epoch === 2 ? 1.1 : 1;
          const outlier = random() < profile.outlierRate ? profile.outlierFactor : 1;
          const timeMs = baseMs * machine * cellFactor * warm * outlier * Math.exp(profile.epochJitterSd * gaussian(random));
          elapsed += timeMs;
          const ramp = epoch === 1 ? 0.85 : epoch === 2 ? 0.95 : 1;
          const step = epoch >= stepAt ? 1.025 : 1;
          const rssBytes = Math.round(baseRss * rssOffset * ramp * step * (1 + profile.rssEpochSd * gaussian(random)));
          const numTensors = baseTensors;
          samples.push({
            epoch,
            timeMs,
            // CPU time: the same work and jitter, but other jobs on the machine do not add to it.
            cpuTimeMs: (timeMs / machine) * 0.95,
            elapsedMs: elapsed,
            rssBytes,
            heapUsedBytes: Math.round(29 * 2 ** 20 * (1 + 0.001 * gaussian(random))),
            externalBytes: Math.round(23.8 * 2 ** 20),
            arrayBuffersBytes: 26_858,
            numTensors,
            numBytes: numTensors * 16_384,
            numDataIds: numTensors,
            wasmHeapBytes: null,
          });
        }
        const key = { family, strategy, batchSize, backend: "wasm" };
        cells.push(
          summarise(
            {
              id: cellId(key),
              ...key,
              status: "ok",
              verdict: null,
              epochs: EPOCHS,
              samplesPerEpoch: SAMPLES_PER_EPOCH,
              parameterCount: 10_000,
              durationMs: elapsed,
              samples,
              batchSamples: [],
              summary: null,
            },
            WARMUP,
          ),
        );
      }
    });
  });
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    createdAt: "2026-11-22T00:00:00.000Z",
    suite: { name: "synthetic-noise", epochs: EPOCHS, warmupEpochs: WARMUP, quick: false, shard: null },
    env: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpu: { model: "synthetic", count: 2 },
      totalMemoryBytes: 24 * 2 ** 30,
      tfjs: { "@tensorflow/tfjs-core": "4.22.0" },
      gpu: null,
      git: null,
    },
    cells,
  };
}

// ---------------------------------------------------------------------------------------------
// Injections, applied to every ok cell of the head run (samples and summary alike):
//   +256 KiB/epoch kept  Buffers kept by training (external, ArrayBuffer and RSS bytes); the head's verdict is
//                        judged again by the harness's analysis, as a real run with the leak would be
//   +1 tensor/epoch      one more tensor (4 KiB) kept every epoch; the harness's verdict is left as
//                        it was, so only the slope rule can catch it
//   +10% peak, retained  training holds a buffer of 10% of the base peak RSS (RSS and external memory)
//   +10% peak, RSS only  RSS 10% higher with nothing more retained (native memory, e.g. tfjs-node)
//   +20% epoch time      every epoch 20% slower
// ---------------------------------------------------------------------------------------------
type Injection = {
  name: string;
  metrics: MetricKey[];
  apply: (cell: Cell) => Cell;
  /** What reports it when no metric does: the growth verdict the run would give. */
  byVerdict?: string;
};

/** Buffers kept by training, `bytes` more every epoch: external, ArrayBuffer and RSS bytes rise from epoch 2 on. */
function retainedLeak(bytes: number): Injection {
  return {
    name: `+${bytes / 1024} KiB/epoch kept`,
    // The head's verdict is judged again with the harness's own analysis (what a real run with the leak would
    // have said), so the rule that catches it is "a growing verdict appeared".
    metrics: [],
    byVerdict: "growth verdict appeared",
    apply: (cell) => {
      const samples = cell.samples.map((e) => {
        const extra = bytes * (e.epoch - 1);
        return {
          ...e,
          externalBytes: e.externalBytes + extra,
          arrayBuffersBytes: e.arrayBuffersBytes + extra,
          rssBytes: e.rssBytes + extra,
        };
      });
      const warmupEpochs = cell.summary!.warmupEpochs;
      const judged = analyseCell({ samples, batchSamples: cell.batchSamples, warmupEpochs, timing: cell.summary!.timing });
      const { growth: _old, ...rest } = cell;
      return {
        ...rest,
        samples,
        verdict: judged.verdict,
        verdictReason: judged.verdictReason,
        summary: { ...cell.summary!, ...judged.summary },
        ...(judged.verdict === "growing" && judged.growth ? { growth: judged.growth } : {}),
      };
    },
  };
}

/** Retained-leak sizes whose run verdicts --runs prints (the injection compared below is 256 KiB/epoch). */
const RETAINED_LEAK_SIZES = [64, 128, 192, 256, 512].map((k) => k * 1024);

const INJECTIONS: Injection[] = [
  retainedLeak(256 * 1024),
  {
    name: "+1 tensor/epoch",
    metrics: ["tensorsPerEpoch"],
    apply: (cell) => {
      const s = cell.summary!;
      const bytesPerTensor = 4096;
      return {
        ...cell,
        samples: cell.samples.map((e) => ({
          ...e,
          numTensors: e.numTensors + (e.epoch - 1),
          numBytes: e.numBytes + (e.epoch - 1) * bytesPerTensor,
          numDataIds: e.numDataIds === null ? null : e.numDataIds + (e.epoch - 1),
        })),
        summary: {
          ...s,
          tensorsPerEpoch: s.tensorsPerEpoch + 1,
          dataIdsPerEpoch: s.dataIdsPerEpoch === null ? null : s.dataIdsPerEpoch + 1,
          numBytesPerEpoch: s.numBytesPerEpoch + bytesPerTensor,
          peakNumTensors: s.peakNumTensors + cell.samples.length - 1,
        },
      };
    },
  },
  {
    name: "+10% peak, retained",
    metrics: ["retainedBytes", "peakRssBytes"],
    apply: (cell) => {
      const s = cell.summary!;
      const extra = Math.round(0.1 * s.peakRssBytes);
      return {
        ...cell,
        samples: cell.samples.map((e) => ({
          ...e,
          rssBytes: e.rssBytes + extra,
          externalBytes: e.externalBytes + extra,
          arrayBuffersBytes: e.arrayBuffersBytes + extra,
        })),
        summary: { ...s, peakRssBytes: s.peakRssBytes + extra },
      };
    },
  },
  {
    name: "+10% peak, RSS only",
    metrics: ["peakRssBytes"],
    apply: (cell) => {
      const s = cell.summary!;
      return {
        ...cell,
        samples: cell.samples.map((e) => ({ ...e, rssBytes: Math.round(e.rssBytes * 1.1) })),
        summary: { ...s, peakRssBytes: Math.round(s.peakRssBytes * 1.1), rssBytesPerEpoch: s.rssBytesPerEpoch * 1.1 },
      };
    },
  },
  {
    name: "+20% epoch time",
    // More work per epoch: wall and CPU time both grow.
    metrics: ["meanEpochMs", "epochCpuMs"],
    apply: (cell) => {
      const s = cell.summary!;
      const t = s.timing;
      return {
        ...cell,
        samples: cell.samples.map((e) => ({
          ...e,
          timeMs: e.timeMs * 1.2,
          elapsedMs: e.elapsedMs * 1.2,
          ...(e.cpuTimeMs === undefined ? {} : { cpuTimeMs: e.cpuTimeMs * 1.2 }),
        })),
        summary: {
          ...s,
          meanEpochMs: s.meanEpochMs * 1.2,
          timing: t && {
            meanMs: t.meanMs * 1.2,
            p50Ms: t.p50Ms * 1.2,
            p99Ms: t.p99Ms * 1.2,
            minMs: t.minMs * 1.2,
            maxMs: t.maxMs * 1.2,
            sdMs: t.sdMs * 1.2,
            samplesPerSecond: t.samplesPerSecond / 1.2,
          },
        },
      };
    },
  },
];

/** The run's verdicts again, from its own samples, by the harness's current analysis. */
function rejudge(results: ResultsFile): ResultsFile {
  return {
    ...results,
    cells: results.cells.map((cell) => {
      if (cell.status !== "ok" || !cell.summary) return cell;
      const judged = analyseCell({
        samples: cell.samples,
        batchSamples: cell.batchSamples,
        warmupEpochs: cell.summary.warmupEpochs,
        timing: cell.summary.timing,
      });
      const { growth: _old, ...rest } = cell;
      return {
        ...rest,
        verdict: judged.verdict,
        verdictReason: judged.verdictReason,
        summary: { ...cell.summary, ...judged.summary },
        ...(judged.verdict === "growing" && judged.growth ? { growth: judged.growth } : {}),
      };
    }),
  };
}

function inject(results: ResultsFile, injection: Injection): ResultsFile {
  return { ...results, cells: results.cells.map((c) => (c.status === "ok" && c.summary ? injection.apply(c) : c)) };
}

// ---------------------------------------------------------------------------------------------

interface PairOutcome {
  label: string;
  clean: Comparison;
  injected: Array<{ injection: Injection; comparison: Comparison }>;
}

function runPairs(
  pairs: Array<{ label: string; base: ResultsFile; head: ResultsFile }>,
  thresholds: Thresholds | undefined,
): PairOutcome[] {
  return pairs.map(({ label, base, head }) => ({
    label,
    clean: compare(base, head, thresholds),
    injected: INJECTIONS.map((injection) => ({ injection, comparison: compare(base, inject(head, injection), thresholds) })),
  }));
}

function pct(n: number, d: number): string {
  return d === 0 ? "—" : `${((100 * n) / d).toFixed(1)}%`;
}

function report(title: string, outcomes: PairOutcome[], verbose: boolean): void {
  const cells = outcomes[0]?.clean.cells.filter((c) => c.head?.status === "ok").length ?? 0;
  console.log(`\n## ${title}: ${outcomes.length} comparisons × ${cells} ok cells`);
  const cleanRegressions = outcomes.map((o) => o.clean.regressions);
  const cleanImprovements = outcomes.map((o) => o.clean.counts.improvement);
  const pairsWithFp = cleanRegressions.filter((n) => n > 0).length;
  console.log(
    `reruns of identical code: ${cleanRegressions.reduce((a, b) => a + b, 0)} regressions in total (${pairsWithFp}/${outcomes.length} comparisons with any); ${cleanImprovements.reduce((a, b) => a + b, 0)} improvements`,
  );
  console.log(`  per comparison: [${cleanRegressions.join(", ")}]`);
  const byMetric = new Map<string, number>();
  for (const o of outcomes) {
    for (const c of o.clean.cells) {
      for (const m of c.metrics)
        if (m.verdict !== "unchanged" && m.metric !== "samplesPerSecond")
          byMetric.set(`${m.metric} ${m.verdict}`, (byMetric.get(`${m.metric} ${m.verdict}`) ?? 0) + 1);
    }
  }
  if (byMetric.size > 0) console.log(`  metrics that moved: ${[...byMetric.entries()].map(([k, v]) => `${k} ×${v}`).join(", ")}`);
  const shownShifts = outcomes.filter((o) => o.clean.timeShifts.some((t) => t.shown && t.verdict === "unchanged")).length;
  const suiteShifts = outcomes.filter((o) => o.clean.timeShifts.some((t) => t.verdict !== "unchanged")).length;
  console.log(
    `  time moved together in every cell: shown as a shared change in ${shownShifts}/${outcomes.length} comparisons, judged a change of the suite in ${suiteShifts}/${outcomes.length}`,
  );
  if (verbose) {
    for (const o of outcomes)
      for (const c of o.clean.cells)
        if (c.verdict !== "unchanged") console.log(`    ${o.label} ${c.id} ${c.verdict}: ${c.reasons.join(" | ")}`);
  }
  for (const injection of INJECTIONS) {
    let detected = 0;
    let total = 0;
    let fullPairs = 0;
    let otherMetric = 0;
    for (const o of outcomes) {
      const found = o.injected.find((i) => i.injection === injection)!;
      let pairDetected = 0;
      let pairTotal = 0;
      for (const c of found.comparison.cells) {
        if (c.head?.status !== "ok") continue;
        pairTotal++;
        const caught =
          c.metrics.some((x) => injection.metrics.includes(x.metric) && x.verdict === "regression") ||
          (injection.byVerdict !== undefined && c.reasons.some((r) => r.startsWith(injection.byVerdict!)));
        if (c.verdict === "regression" && caught) pairDetected++;
        else if (c.verdict === "regression") otherMetric++;
      }
      detected += pairDetected;
      total += pairTotal;
      if (pairDetected === pairTotal) fullPairs++;
    }
    const suiteWide = outcomes.filter((o) =>
      o.injected.find((i) => i.injection === injection)!.comparison.timeShifts.some((t) => t.verdict === "regression"),
    ).length;
    console.log(
      `injected ${injection.name.padEnd(20)}: reported on ${detected}/${total} cells (${pct(detected, total)}) by ${injection.byVerdict ? `"${injection.byVerdict}"` : injection.metrics.join(" or ")}; ` +
        `every cell caught in ${fullPairs}/${outcomes.length} comparisons` +
        (otherMetric > 0 ? `; ${otherMetric} cells flagged by another metric only` : "") +
        (suiteWide > 0 ? `; a suite-wide slowdown reported in ${suiteWide}/${outcomes.length} comparisons` : ""),
    );
    if (verbose && detected < total) {
      const o = outcomes.find((x) =>
        x.injected.find((i) => i.injection === injection)!.comparison.cells.some((c) => c.verdict !== "regression"),
      );
      const miss = o?.injected.find((i) => i.injection === injection)!.comparison.cells.find((c) => c.verdict !== "regression");
      if (miss)
        console.log(`    e.g. missed ${o!.label} ${miss.id}: ${miss.metrics.find((m) => m.metric === injection.metrics[0])?.reason}`);
    }
  }
}

// The run verdicts themselves (no comparison): how many clean cells each rerun calls growing or leaking, and how
// many of them the run calls growing with a retained leak of each size injected (what `kmb run` would say).
function printRunVerdicts(runs: readonly ResultsFile[]): void {
  const okCells = (r: ResultsFile) => r.cells.filter((c) => c.status === "ok" && c.summary);
  const count = (r: ResultsFile, verdict: string) => okCells(r).filter((c) => c.verdict === verdict).length;
  console.log(
    `run verdicts of the reruns (${okCells(runs[0]!).length} ok cells each): growing [${runs.map((r) => count(r, "growing")).join(", ")}], ` +
      `leaking [${runs.map((r) => count(r, "leaking")).join(", ")}]`,
  );
  for (const bytes of RETAINED_LEAK_SIZES) {
    const leak = retainedLeak(bytes);
    const injected = runs.map((r) => okCells(inject(r, leak)).filter((c) => c.verdict === "growing").length);
    console.log(`  with ${leak.name.padEnd(20)} injected: growing [${injected.join(", ")}]`);
  }
}

// Where the time noise of real reruns sits, in natural-log units: the machine shift of a pair (median over
// cells of ln(head/base) of the median epoch time), the per-cell scatter around that shift (scaled MAD), and
// the epoch-to-epoch spread within one run. A change smaller than the per-cell scatter is not reliably seen.
function printRerunScatter(runs: readonly ResultsFile[]): void {
  const judged = (cell: Cell, key: "timeMs" | "cpuTimeMs"): number[] | null => {
    const values = cell.samples.filter((s) => s.epoch > (cell.summary?.warmupEpochs ?? 0)).map((s) => s[key]);
    return values.length > 0 && values.every((v): v is number => typeof v === "number" && v > 0) ? values : null;
  };
  const fixed = (values: readonly number[]) => values.map((v) => v.toFixed(3)).join(" ");
  console.log("time noise of these reruns (natural log; 0.18 = a 20% change):");
  for (const key of ["timeMs", "cpuTimeMs"] as const) {
    const shifts: number[] = [];
    const scatters: number[] = [];
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const logRatios = runs[i]!.cells.flatMap((base) => {
          const head = runs[j]!.cells.find((c) => c.id === base.id);
          const [a, b] = [judged(base, key), head ? judged(head, key) : null];
          return a && b ? [Math.log(median(b) / median(a))] : [];
        });
        if (logRatios.length === 0) continue;
        shifts.push(median(logRatios));
        scatters.push(MAD_TO_SIGMA * medianAbsoluteDeviation(logRatios));
      }
    }
    const within = runs.flatMap((r) =>
      r.cells.flatMap((c) => {
        const logs = (judged(c, key) ?? []).map(Math.log);
        return logs.length > 1 ? [MAD_TO_SIGMA * medianAbsoluteDeviation(logs)] : [];
      }),
    );
    if (shifts.length === 0) {
      console.log(`  ${key}: not recorded in these files`);
      continue;
    }
    console.log(
      `  ${key}: machine shift per pair ${fixed(shifts)}; per-cell scatter per pair ${fixed(scatters)}; within-run spread, median over cells ${median(within).toFixed(3)}`,
    );
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pairs: { type: "string", default: "20" },
      seed: { type: "string", default: "1" },
      profile: { type: "string", default: "all" },
      runs: { type: "boolean", default: false },
      thresholds: { type: "string" },
      verbose: { type: "boolean", default: false },
      rejudge: { type: "boolean", default: false },
    },
  });
  const pairCount = Number.parseInt(values.pairs, 10);
  if (!(pairCount > 0)) throw new Error(`--pairs must be a positive integer (got ${values.pairs})`);
  const seed = Number.parseInt(values.seed, 10);
  const thresholds = values.thresholds === undefined ? undefined : await readThresholdsFile(values.thresholds);
  console.log(
    `compare-noise: node ${process.version}, ${pairCount} comparisons per set, ${thresholds ? `thresholds from ${values.thresholds}` : "default thresholds"}`,
  );

  if (values.runs) {
    if (positionals.length < 2) throw new Error("--runs needs at least two results files (reruns of the same code)");
    const read = await Promise.all(positionals.map(async (path) => ({ path, results: await readResultsFile(path) })));
    // --rejudge: verdicts from the samples with the harness's current analysis (files written by older rules).
    const runs = values.rejudge ? read.map((r) => ({ ...r, results: rejudge(r.results) })) : read;
    const pairs: Array<{ label: string; base: ResultsFile; head: ResultsFile }> = [];
    for (let i = 0; i < runs.length && pairs.length < pairCount; i++) {
      for (let j = 0; j < runs.length && pairs.length < pairCount; j++) {
        if (i !== j) pairs.push({ label: `${i + 1}→${j + 1}`, base: runs[i]!.results, head: runs[j]!.results });
      }
    }
    printRunVerdicts(runs.map((r) => r.results));
    report(`real reruns (${runs.map((r) => r.path).join(", ")})`, runPairs(pairs, thresholds), values.verbose);
    printRerunScatter(runs.map((r) => r.results));
    return;
  }

  const profiles = values.profile === "all" ? PROFILES : PROFILES.filter((p) => p.name === values.profile);
  if (profiles.length === 0)
    throw new Error(`--profile must be one of ${PROFILES.map((p) => p.name).join(", ")}, all (got ${values.profile})`);
  for (const profile of profiles) {
    const pairs = Array.from({ length: pairCount }, (_, k) => ({
      label: `pair ${k + 1}`,
      base: syntheticRun(profile, seed * 100_000 + 2 * k),
      head: syntheticRun(profile, seed * 100_000 + 2 * k + 1),
    }));
    const described = Object.entries(profile)
      .filter(([k]) => k !== "name")
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    report(`synthetic reruns, profile "${profile.name}" (${described})`, runPairs(pairs, thresholds), values.verbose);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
