// What the parent tells a cell's process, and what the process streams back over IPC as it happens.
import type { BatchSample, EpochSample, EpochTiming, MemoryParts } from "@keras-mem-bench/results";
import type { MatrixCell } from "./matrix/matrix.js";

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
    }
  | {
      type: "ready";
      /** ms from "go" (or from "loaded", when go came first) until model and pipeline were ready. */
      setupMs: number;
      parameterCount: number | null;
      batchesPerEpoch: number;
    }
  | { type: "batch"; sample: BatchSample }
  | { type: "epoch"; sample: EpochSample }
  /** After every epoch: what each part holds so far (the latest one is kept). */
  | { type: "parts"; memoryParts: MemoryParts }
  | { type: "done"; timing: EpochTiming | null; maxRssBytes: number }
  | { type: "failed"; failure: CellFailure };

/** Env var through which the parent hands a task to the cell's process (JSON of CellTask). */
export const CELL_TASK_ENV = "KMB_CELL_TASK";
