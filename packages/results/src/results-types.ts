// The results file: what `pnpm bench` writes and what compare, the Action and the dashboard read.
// Keep in step with schema/results.schema.json (test/schema-matches-types.test.ts checks a full file).

/**
 * The version this code writes. Version 2 added step peaks, activation bytes, backendPeakBytes and memoryParts;
 * version 3 the device a GPU backend computed on (Cell.computeDevice).
 */
export const RESULTS_SCHEMA_VERSION = 3;
/** Versions this code reads: every field added since version 1 is optional, so older files are valid results files. */
export type ResultsSchemaVersion = 1 | 2 | 3;
export const READABLE_SCHEMA_VERSIONS: readonly ResultsSchemaVersion[] = [1, 2, 3];

/** How a cell ended. `unsupported` names the missing kernel; `crashed` covers signals, exits, OOM, timeouts and the RSS watchdog. */
export const CELL_STATUSES = ["ok", "unsupported", "crashed", "error"] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** What memory did after warm-up: flat, bytes rising, or tensors / data ids rising. */
export const CELL_VERDICTS = ["stable", "growing", "leaking"] as const;
export type CellVerdict = (typeof CELL_VERDICTS)[number];

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
  /** Since v2: the largest step peak of the epoch, in bytes of live tensors (see BatchSample.stepPeakBytes). */
  stepPeakBytes?: number;
  /** Since v2: the largest step peak of the epoch, in live tensors. */
  stepPeakTensors?: number;
  /** Since v2: the largest `stepPeakBytes − stepStartBytes` of the epoch: what one step adds (activations, gradients, optimizer temporaries). */
  activationBytes?: number;
  /** Since v2: the backend's own high-water mark so far (wasm linear memory; bytes the WebGPU backend allocated); null where it has none. */
  backendPeakBytes?: number | null;
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
  /**
   * Since v2: high-water mark of the engine's live tensor bytes during this step (forward, backward, optimizer
   * update), from onBatchBegin to onBatchEnd. numBytes above is read after the step and misses all of it.
   */
  stepPeakBytes?: number;
  /** Since v2: high-water mark of the engine's live tensor count during this step. */
  stepPeakTensors?: number;
  /** Since v2: live tensor bytes when the step began (weights, optimizer state, and the batch when the strategy made it before the step). */
  stepStartBytes?: number;
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
  /** Since v2: the largest step peak of the cell, in bytes (exact for the same code: compare judges it exactly). */
  peakStepTensorBytes?: number;
  /** Since v2: the largest step peak of the cell, in tensors. */
  peakStepTensors?: number;
  /** Since v2: the largest activation bytes of the cell (step peak minus bytes live when the step began). */
  peakActivationBytes?: number;
}

/** Since v2: what each part of a cell holds. Each figure is null where it could not be measured. */
export interface MemoryParts {
  /** RSS once backend and model are ready, before any data: the runtime's share. */
  baselineRssBytes: number | null;
  /** Tensor bytes the dataset strategy holds after prepare() (whole arrays for in-memory; none for streaming). */
  datasetTensorBytes: number | null;
  /** Heap + external growth from prepare(), after a forced GC (JS-side data a strategy keeps); can be slightly negative. */
  datasetRetainedBytes: number | null;
  /** Tensor bytes alive between steps beyond weights and optimizer state: the batch, a prefetch buffer, whole arrays. */
  betweenStepsTensorBytes: number | null;
  /** Bytes of the model's weights. */
  weightBytes: number | null;
  /** Bytes of the optimizer's state after the first step (weights × slots, e.g. 2 for Adam). */
  optimizerStateBytes: number | null;
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

/** The training phase a tensor was made in ("setup": before the first epoch). */
export type TensorPhase = "setup" | "forward" | "backward" | "optimizer" | "pipeline" | "callback";
export const TENSOR_PHASES: readonly TensorPhase[] = ["setup", "forward", "backward", "optimizer", "pipeline", "callback"];

/**
 * One origin of tensors that outlive their epoch: made during training, still alive at an epoch end, and
 * more of them at each epoch end after warm-up (least-squares slope of their live count, like tensorsPerEpoch).
 */
export interface LeakOrigin {
  phase: TensorPhase;
  /** The innermost tfjs op that made them ("matMul", "add"); "tensor" when made from values, "variable" for a variable. */
  op: string;
  /** The layer whose call made them, e.g. "lstm_1"; null outside any layer. */
  layer: string | null;
  /** That layer's class, e.g. "LSTM". */
  layerClass: string | null;
  tensorsPerEpoch: number;
  bytesPerEpoch: number;
  /** Top JS frames outside tfjs (kmb run --origin-stacks). */
  stack?: string;
}

/** A memory series of a cell, judged by its own rule (see the harness README). */
export type GrowthMemory = "retained" | "jsHeap" | "external" | "arrayBuffers" | "rss" | "tensorBytes" | "wasmHeap" | "gpu";
export const GROWTH_MEMORIES: readonly GrowthMemory[] = [
  "retained",
  "jsHeap",
  "external",
  "arrayBuffers",
  "rss",
  "tensorBytes",
  "wasmHeap",
  "gpu",
];

export interface GrowthSeries {
  memory: GrowthMemory;
  /** The slope the rule judged (Theil-Sen for retained, JS heap, external and ArrayBuffers; least squares otherwise). */
  bytesPerEpoch: number;
  growing: boolean;
}

/** One constructor's change between two V8 heap snapshots (memlab-style: by constructor, self size). */
export interface HeapConstructorGrowth {
  name: string;
  count: number;
  selfSize: number;
}

/** What grows in a `growing` cell, and with `kmb run --diagnose`, by what. */
export interface CellGrowth {
  series: GrowthSeries[];
  /** Heap snapshots at the end of two epochs after warm-up, diffed by constructor (largest self-size growth first). */
  heapSnapshots?: { fromEpoch: number; toEpoch: number; constructors: HeapConstructorGrowth[] };
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
  /** Since v2: what each part of the cell holds (baseline, dataset, weights, optimizer state). */
  memoryParts?: MemoryParts;
  /** Since v2: origins of tensors that outlived their epochs, most bytes first (absent when origins were not recorded). */
  leakOrigins?: LeakOrigin[];
  /** Since v2: what grows, for `growing` cells and whenever --diagnose took heap snapshots. */
  growth?: CellGrowth;
  /** Since v3: the device a GPU backend computed on (webgpu: the adapter Dawn chose); absent for CPU backends. */
  computeDevice?: ComputeDevice;
}

/** A GPU backend's device, as its API describes it. */
export interface ComputeDevice {
  /** One line: vendor, architecture and the driver's description, e.g. "nvidia hopper (NVIDIA H200)". */
  description: string;
  /** A CPU implementation of the API (Mesa lavapipe, SwiftShader): its times and bytes say nothing of a real GPU. */
  software: boolean;
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
  /** Files this code writes say RESULTS_SCHEMA_VERSION; older versions are read and compared as they are. */
  schemaVersion: ResultsSchemaVersion;
  createdAt: string;
  suite: SuiteInfo;
  env: RunEnvironment;
  cells: Cell[];
}
