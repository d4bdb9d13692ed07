// The results file: what `pnpm bench` writes and what compare, the Action and the dashboard read.
// Keep in step with schema/results.schema.json (test/schema-matches-types.test.ts checks a full file).

export const RESULTS_SCHEMA_VERSION = 1;

/** How a cell ended. `unsupported` names the missing kernel; `crashed` covers signals, exits, OOM, timeouts and the RSS watchdog. */
export type CellStatus = "ok" | "unsupported" | "crashed" | "error";
export const CELL_STATUSES: readonly CellStatus[] = ["ok", "unsupported", "crashed", "error"];

/** What memory did after warm-up: flat, bytes rising, or tensors / data ids rising. */
export type CellVerdict = "stable" | "growing" | "leaking";
export const CELL_VERDICTS: readonly CellVerdict[] = ["stable", "growing", "leaking"];

/** One reading taken at the end of an epoch, after a forced GC, so it shows what training retained. */
export interface EpochSample {
  /** 1-based epoch number. */
  epoch: number;
  /** Wall time of this epoch alone. */
  timeMs: number;
  /**
   * CPU time (user + system, all threads) the cell's process used during the epoch. Unlike wall time it
   * hardly moves when other jobs share the machine, so compare can judge it on noisy runners.
   */
  cpuTimeMs?: number;
  /** Time since the cell started training. */
  elapsedMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  /** tf.memory().numTensors */
  numTensors: number;
  /** tf.memory().numBytes */
  numBytes: number;
  /** The backend's live data-id count; null where the backend has none. */
  numDataIds: number | null;
  /** Size of the wasm module's linear memory (grows, never shrinks); null off wasm. */
  wasmHeapBytes: number | null;
  /** GPU memory used by this process, when a GPU sampler ran. */
  gpuUsedBytes?: number | null;
  /** Training loss reported for the epoch, when the model reports one. */
  loss?: number | null;
  /** Process RSS high-water mark so far (getrusage maxrss), including peaks between samples. */
  maxRssBytes?: number;
}

/** One reading at the end of a batch, without a forced GC: shows the churn inside an epoch. */
export interface BatchSample {
  epoch: number;
  /** 0-based batch index within the epoch. */
  batch: number;
  elapsedMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  numTensors: number;
  numBytes: number;
  numDataIds: number | null;
  wasmHeapBytes: number | null;
}

/** Latency statistics of the epochs, as tinybench measured them. */
export interface EpochTiming {
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
  sdMs: number;
  /** Training samples per second over the timed epochs. */
  samplesPerSecond: number;
}

export interface CellSummary {
  peakRssBytes: number;
  peakHeapUsedBytes: number;
  peakNumTensors: number;
  peakNumBytes: number;
  peakWasmHeapBytes: number | null;
  peakGpuUsedBytes?: number | null;
  /** Growth slopes fitted over the epochs after warm-up (least squares), per epoch. */
  tensorsPerEpoch: number;
  dataIdsPerEpoch: number | null;
  numBytesPerEpoch: number;
  rssBytesPerEpoch: number;
  heapBytesPerEpoch: number;
  externalBytesPerEpoch: number;
  gpuBytesPerEpoch?: number | null;
  /** Growth slope of the wasm linear memory after warm-up; null off wasm. */
  wasmHeapBytesPerEpoch?: number | null;
  meanEpochMs: number;
  timing: EpochTiming | null;
  /** Epochs left out of the slopes. */
  warmupEpochs: number;
  finalLoss: number | null;
  /** First epoch's loss, to show that training happened. */
  firstLoss: number | null;
}

export interface CellError {
  message: string;
  /** Stable code, e.g. KMB_CELL_TIMEOUT, KMB_MAX_RSS, KMB_MISSING_KERNEL. */
  code?: string;
  exitCode?: number | null;
  signal?: string | null;
  /** Name of the kernel the backend lacks, for `unsupported`. */
  kernel?: string;
}

export interface Cell {
  /** Stable key across runs: family/strategy/b<batch>/backend[/extra axes]. */
  id: string;
  family: string;
  strategy: string;
  batchSize: number;
  backend: string;
  /** The GPU allocator axis, where the backend has one. */
  gpuMemoryGrowth?: boolean | null;
  status: CellStatus;
  /** Null when too few epochs were measured to judge. */
  verdict: CellVerdict | null;
  /** Why the verdict is what it is, in words with units. */
  verdictReason?: string;
  epochs: number;
  samplesPerEpoch: number;
  parameterCount: number | null;
  durationMs: number;
  /** Wall time from spawning the cell's process until model and pipeline were ready to train. */
  startupMs?: number;
  samples: EpochSample[];
  batchSamples: BatchSample[];
  summary: CellSummary | null;
  error?: CellError;
}

export interface GpuInfo {
  name: string;
  memoryTotalBytes: number | null;
  driverVersion?: string | null;
  uuid?: string | null;
}

export interface RunEnvironment {
  node: string;
  platform: string;
  arch: string;
  cpu: { model: string; count: number };
  totalMemoryBytes: number;
  /** Package name → version, e.g. @tensorflow/tfjs-core → 4.22.0. */
  tfjs: Record<string, string>;
  gpu: GpuInfo[] | null;
  git: { sha: string; ref: string | null; dirty: boolean } | null;
}

export interface SuiteInfo {
  name: string;
  epochs: number;
  warmupEpochs: number;
  quick: boolean;
  /** Whether a full GC ran before every epoch-end sample (absent: true). Without it heap and external bytes include garbage. */
  forcedGc?: boolean;
  /** Set when this file holds one shard of a matrix; merge checks these. */
  shard?: { index: number; count: number; matrixSize: number } | null;
}

export interface ResultsFile {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  createdAt: string;
  suite: SuiteInfo;
  env: RunEnvironment;
  cells: Cell[];
}
