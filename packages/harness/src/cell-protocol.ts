// What the parent tells a cell's process, and what the process streams back over IPC as it happens.
import type { BatchSample, ComputeDevice, EpochSample, EpochTiming, MemoryParts, TensorPhase } from "@keras-mem-bench/results";
import type { HeapSummary } from "./analysis/heap-snapshot-diff.js";
import type { MatrixCell } from "./matrix/matrix-cells.js";

/** What a cell's process records beyond the samples (each costs time; see the README). */
export interface CellDiagnostics {
  /** The origin (op, layer, phase) of every tensor, tallied at each epoch end (the parent asks for it in a leaking cell's second run, or with --origins). */
  origins: boolean;
  /** The top JS frames outside tfjs for every tensor (--origin-stacks; slow). */
  originStacks: boolean;
  /** Epochs after whose end a V8 heap snapshot is taken and summarised by constructor (--diagnose). */
  heapSnapshotEpochs: number[];
}

/** Where a tensor was made (child/tensor-origins.ts says how each part is found). */
export interface TensorOrigin {
  phase: TensorPhase;
  op: string;
  /** Name of the innermost layer whose apply() was running, e.g. "lstm_1"; null outside layers. */
  layer: string | null;
  /** Its class name, e.g. "LSTM". */
  layerClass: string | null;
  /** Top JS frames outside tfjs and the harness, when stacks are on. */
  stack?: string;
}

/** Tensors made during training that are alive at one epoch end, for one origin. */
export interface OriginTally extends TensorOrigin {
  count: number;
  bytes: number;
}

export const DEFAULT_DIAGNOSTICS: CellDiagnostics = { origins: true, originStacks: false, heapSnapshotEpochs: [] };

export interface CellTask {
  cell: MatrixCell;
  /** Absolute path of the suite file; the cell's process loads it again to get models, pipelines and callbacks. */
  suiteFile: string;
  quick: boolean;
  epochs: number;
  samplesPerEpoch: number;
  seed: number;
  /** Full GC before each epoch-end sample (retained memory); off only for timing-focused runs (--no-gc). */
  forcedGc: boolean;
  /** Folder for on-disk strategies (file-stream); null for the OS temp folder. */
  tmpDir: string | null;
  /** Absent: DEFAULT_DIAGNOSTICS. */
  diagnostics?: CellDiagnostics;
}

/** Why a cell's process gave up, as it saw it. */
export interface CellFailure {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

/** Parent → cell process: build the model and train (sent once; the process may still be loading). */
export interface GoMessage {
  type: "go";
}

export type CellMessage =
  | {
      type: "loaded";
      /** ms from process start until modules, suite and backend were loaded (Node, TS loader, tfjs). */
      bootMs: number;
      /** The GPU the backend computes on (webgpu: the adapter); null for CPU backends. */
      computeDevice: ComputeDevice | null;
    }
  | {
      type: "ready";
      /** ms from "go" (or from "loaded", when go came first) until model and pipeline were ready. */
      setupMs: number;
      parameterCount: number | null;
      batchesPerEpoch: number;
    }
  | { type: "batch"; sample: BatchSample }
  | {
      type: "epoch";
      sample: EpochSample;
      /** Tensors made during training alive at this epoch's end, by origin (absent when origins are off). */
      origins?: OriginTally[];
    }
  /** After every epoch: what each part holds so far (the latest one is kept). */
  | { type: "parts"; memoryParts: MemoryParts }
  /** After the epochs --diagnose names: the V8 heap by constructor. */
  | { type: "heap"; epoch: number; summary: HeapSummary }
  | { type: "done"; timing: EpochTiming | null; maxRssBytes: number }
  | { type: "failed"; failure: CellFailure };

/** Env var through which the parent hands a task to the cell's process (JSON of CellTask). */
export const CELL_TASK_ENV = "KMB_CELL_TASK";
