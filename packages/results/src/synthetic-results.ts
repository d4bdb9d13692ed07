// Generated results with known growth, for tests, demos and the dashboard's sample history.
// Real runs come from the harness; nothing here pretends to be a measurement.
import { cellId, type CellKeyInput } from "./cell-id.js";
import { RESULTS_SCHEMA_VERSION, type Cell, type EpochSample, type EpochTiming, type ResultsFile } from "./results-types.js";
import { mulberry32 } from "./seeded-random.js";

export interface SyntheticCellOptions {
  epochs?: number;
  warmupEpochs?: number;
  samplesPerEpoch?: number;
  baseRssBytes?: number;
  rssBytesPerEpoch?: number;
  tensorsPerEpoch?: number;
  baseTensors?: number;
  epochMs?: number;
  /** Largest step peak of live tensor bytes (exact, no noise); default 4 MiB. */
  stepPeakBytes?: number;
  /** The part of the step peak a step adds on top of what was live before it; default 3 MiB. */
  activationBytes?: number;
  /** Relative noise on bytes and time (0.01 = ±1%). */
  noise?: number;
  seed?: number;
}

export function syntheticCell(key: CellKeyInput, options: SyntheticCellOptions = {}): Cell {
  const epochs = options.epochs ?? 8;
  const warmupEpochs = options.warmupEpochs ?? 2;
  const samplesPerEpoch = options.samplesPerEpoch ?? 512;
  const baseRss = options.baseRssBytes ?? 300e6;
  const rssSlope = options.rssBytesPerEpoch ?? 0;
  const tensorSlope = options.tensorsPerEpoch ?? 0;
  const baseTensors = options.baseTensors ?? 40;
  const epochMs = options.epochMs ?? 200;
  const stepPeakBytes = options.stepPeakBytes ?? 4 * 2 ** 20;
  const activationBytes = options.activationBytes ?? 3 * 2 ** 20;
  const stepPeakTensors = baseTensors + 100;
  const noise = options.noise ?? 0.01;
  const random = mulberry32(options.seed ?? 1);
  const jitter = () => 1 + noise * (2 * random() - 1);
  let elapsed = 0;
  const samples: EpochSample[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const timeMs = epochMs * jitter();
    elapsed += timeMs;
    const rss = Math.round((baseRss + rssSlope * (epoch - 1)) * jitter());
    const numTensors = baseTensors + Math.round(tensorSlope * (epoch - 1));
    samples.push({
      epoch,
      timeMs,
      // Single-threaded training keeps about one core busy; no extra random draw, so the other series stay put.
      cpuTimeMs: timeMs * 0.9,
      elapsedMs: elapsed,
      rssBytes: rss,
      heapUsedBytes: Math.round(rss * 0.2),
      externalBytes: Math.round(rss * 0.1),
      arrayBuffersBytes: Math.round(rss * 0.05),
      numTensors,
      numBytes: numTensors * 4096,
      numDataIds: numTensors,
      wasmHeapBytes: null,
      loss: 1 / epoch,
      stepPeakBytes,
      stepPeakTensors,
      activationBytes,
      backendPeakBytes: null,
    });
  }
  const timing = epochTimingOf(
    samples.map((s) => s.timeMs),
    samplesPerEpoch,
  );
  const peakRss = Math.max(...samples.map((s) => s.rssBytes));
  const leaking = tensorSlope > 0;
  const growing = !leaking && rssSlope > 0;
  return {
    id: cellId(key),
    family: key.family,
    strategy: key.strategy,
    batchSize: key.batchSize,
    backend: key.backend,
    ...(key.gpuMemoryGrowth === undefined ? {} : { gpuMemoryGrowth: key.gpuMemoryGrowth }),
    status: "ok",
    verdict: leaking ? "leaking" : growing ? "growing" : "stable",
    epochs,
    samplesPerEpoch,
    parameterCount: 10_000,
    durationMs: elapsed,
    samples,
    batchSamples: [],
    summary: {
      peakRssBytes: peakRss,
      peakHeapUsedBytes: Math.round(peakRss * 0.2),
      peakNumTensors: Math.max(...samples.map((s) => s.numTensors)),
      peakNumBytes: Math.max(...samples.map((s) => s.numBytes)),
      peakWasmHeapBytes: null,
      tensorsPerEpoch: tensorSlope,
      dataIdsPerEpoch: tensorSlope,
      numBytesPerEpoch: tensorSlope * 4096,
      rssBytesPerEpoch: rssSlope,
      heapBytesPerEpoch: rssSlope * 0.2,
      externalBytesPerEpoch: rssSlope * 0.1,
      meanEpochMs: timing.meanMs,
      timing,
      warmupEpochs,
      finalLoss: 1 / epochs,
      firstLoss: 1,
      peakStepTensorBytes: stepPeakBytes,
      peakStepTensors: stepPeakTensors,
      peakActivationBytes: activationBytes,
    },
    memoryParts: {
      baselineRssBytes: Math.round(baseRss * 0.6),
      datasetTensorBytes: 0,
      datasetRetainedBytes: 0,
      betweenStepsTensorBytes: 0,
      weightBytes: 40_000,
      optimizerStateBytes: 80_000,
    },
  };
}

export function syntheticResults(cells: Cell[], overrides: { sha?: string; createdAt?: string } = {}): ResultsFile {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    createdAt: overrides.createdAt ?? "2026-11-01T00:00:00.000Z",
    suite: { name: "synthetic", epochs: cells[0]?.epochs ?? 8, warmupEpochs: 2, quick: false, shard: null },
    env: {
      node: "v20.20.2",
      platform: "linux",
      arch: "x64",
      cpu: { model: "synthetic", count: 2 },
      totalMemoryBytes: 24 * 2 ** 30,
      tfjs: { "@tensorflow/tfjs-core": "4.22.0" },
      gpu: null,
      git: overrides.sha ? { sha: overrides.sha, ref: "refs/heads/main", dirty: false } : null,
    },
    cells,
  };
}

/** A timing summary computed from epoch times, for synthetic or recomputed cells (real runs take theirs from tinybench). */
export function epochTimingOf(epochTimesMs: readonly number[], samplesPerEpoch: number): EpochTiming {
  const times = [...epochTimesMs].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, times.length - 1));
  return {
    meanMs: mean,
    p50Ms: times[Math.floor(times.length / 2)] ?? mean,
    p99Ms: times[times.length - 1] ?? mean,
    minMs: times[0] ?? mean,
    maxMs: times[times.length - 1] ?? mean,
    sdMs: sd,
    samplesPerSecond: (samplesPerEpoch * 1000) / mean,
  };
}
