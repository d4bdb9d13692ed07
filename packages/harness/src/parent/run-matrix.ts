// Runs the selected cells (one process each, `jobs` at a time) and rewrites the results file after every
// cell, so an interrupted or crashed run keeps everything measured so far.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gpuInventory, startGpuSampler, type GpuSampler } from "@keras-mem-bench/gpu-memory";
import {
  RESULTS_SCHEMA_VERSION,
  ResultsFileError,
  writeResultsFile,
  type Cell,
  type ResultsFile,
  type RunEnvironment,
} from "@keras-mem-bench/results";
import type { VerdictRules } from "../analysis/analysis.js";
import { cellFromRun } from "./cell-result.js";
import { CellProcess, runCellProcess } from "./cell-runner.js";
import type { CellTask } from "../cell-protocol.js";
import { collectEnvironment } from "./environment.js";
import type { MatrixCell } from "../matrix/matrix-cells.js";
import type { Shard } from "../matrix/matrix-shard.js";
import { OutFileError } from "./out-file.js";
import { silentProgress, type ProgressReporter } from "./progress.js";
import type { ResolvedSuite } from "../suite/suite-resolve.js";

export interface RunMatrixOptions {
  suite: ResolvedSuite;
  /** The cells to run, in order (already filtered and sharded). */
  cells: readonly MatrixCell[];
  /** Size of the filtered matrix before sharding, recorded for merge. */
  matrixSize: number;
  shard: Shard | null;
  epochs: number;
  warmupEpochs: number;
  samplesPerEpoch: number;
  /** Per-cell settings that replace `samplesPerEpoch` / `maxRssBytes` for some cells (a suite's `overrides`). */
  cellSettings?: (cell: MatrixCell) => { samplesPerEpoch?: number; maxRssBytes?: number };
  /** Results file to (re)write after every cell; null to keep results in memory only. */
  out: string | null;
  timeoutMs: number;
  maxRssBytes: number | null;
  jobs?: number;
  /** Full GC before every epoch-end sample (default true). */
  forcedGc?: boolean;
  /** What cells record beyond samples (default: origins for leaking cells, no stacks, no heap snapshots). */
  diagnostics?: { origins: OriginsMode; originStacks: boolean; heapSnapshots: boolean };
  /** Start the next cell's process while the current one trains (default true; only with jobs = 1). */
  prestart?: boolean;
  /**
   * Where the run makes its one temp folder for on-disk strategies (default: the OS temp folder). The folder is
   * removed when the run ends, so files of cells that were killed (timeout, --max-rss, Ctrl-C) do not pile up.
   */
  tmpDir?: string | null;
  progress?: ProgressReporter;
  signal?: AbortSignal;
  env?: RunEnvironment;
  rules?: VerdictRules;
  /** GPU memory polling for cells on GPU backends (default: nvidia-smi every 250 ms; null turns it off). */
  gpuSampler?: ((pid: number) => GpuSampler) | null;
}

/**
 * When tensor origins are recorded. Tracking them costs a few % of epoch CPU (V8 recompiles more of tfjs's hot
 * path with the engine hooks it needs), so by default the measured run goes without, and only a cell judged
 * `leaking` runs again with tracking on: tensor counts are exact, so the second run leaks the same tensors and
 * says where they come from. `always` traces every measured run; `never` no run.
 */
export type OriginsMode = "leaking" | "always" | "never";

/** Backends whose memory can live on a GPU, where nvidia-smi is worth asking. */
export const GPU_BACKENDS: ReadonlySet<string> = new Set(["tensorflow", "webgpu"]);

export interface MatrixRun {
  results: ResultsFile;
  /** True when the signal stopped the run; cells not finished are absent from the results. */
  interrupted: boolean;
}

export async function runMatrix(options: RunMatrixOptions): Promise<MatrixRun> {
  const { suite, cells } = options;
  const progress = options.progress ?? silentProgress();
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, cells.length || 1));
  const results: ResultsFile = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    suite: {
      name: suite.name,
      epochs: options.epochs,
      warmupEpochs: options.warmupEpochs,
      quick: suite.quick,
      shard: options.shard ? { ...options.shard, matrixSize: options.matrixSize } : null,
      forcedGc: options.forcedGc ?? true,
    },
    env: options.env ?? collectEnvironment({ gpu: cells.some((c) => GPU_BACKENDS.has(c.backend)) ? await gpuInventory() : null }),
    cells: [],
  };
  const finished: Array<Cell | undefined> = new Array<Cell | undefined>(cells.length);
  let interrupted = false;
  // Writes are chained so two parallel cells never rename over each other's half-written file. Each waits for
  // the previous one to settle, failed or not, so one failed write does not fail every later save.
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    results.cells = finished.filter((c): c is Cell => c !== undefined);
    const snapshot: ResultsFile = { ...results, cells: [...results.cells] };
    const out = options.out;
    if (out === null) return writing;
    const attempt = writing.catch(() => {}).then(() => writeOut(out, snapshot));
    writing = attempt;
    return attempt;
  };
  if (options.out !== null) await save();

  // Aborted by the caller (Ctrl-C) or by a failure here: either way every running cell's process is killed.
  const stopAll = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopAll.signal]) : stopAll.signal;
  const runTmpDir = await mkdtemp(join(options.tmpDir ?? tmpdir(), "kmb-run-"));
  const originsMode = options.diagnostics?.origins ?? "leaking";
  const taskFor = (cell: MatrixCell, traced = originsMode === "always"): CellTask => ({
    cell,
    suiteFile: suite.file,
    quick: suite.quick,
    epochs: options.epochs,
    samplesPerEpoch: options.cellSettings?.(cell).samplesPerEpoch ?? options.samplesPerEpoch,
    seed: suite.seed,
    tmpDir: runTmpDir,
    forcedGc: options.forcedGc ?? true,
    diagnostics: {
      origins: traced,
      originStacks: traced && (options.diagnostics?.originStacks ?? false),
      heapSnapshotEpochs: options.diagnostics?.heapSnapshots ? heapSnapshotEpochs(options.warmupEpochs, options.epochs) : [],
    },
  });
  // With one cell at a time, the next cell's process starts while the current one trains (on the other
  // core), and waits, loaded, until it is its turn: start-up leaves the critical path, cells stay isolated.
  const prestart = jobs === 1 && options.prestart !== false;
  const gpuSampler = options.gpuSampler === undefined ? (pid: number) => startGpuSampler({ pid, intervalMs: 250 }) : options.gpuSampler;
  let spare: { index: number; process: CellProcess } | undefined;
  const killSpare = () => spare?.process.kill();
  signal.addEventListener("abort", killSpare, { once: true });

  progress.start(cells.length, jobs);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    try {
      while (next < cells.length && !signal.aborted) {
        const index = next++;
        const cell = cells[index]!;
        const ready = spare?.index === index ? spare.process : undefined;
        spare = undefined;
        progress.cellStarted(index, cell, options.epochs);
        const run = await runCellProcess(taskFor(cell), {
          timeoutMs: options.timeoutMs,
          maxRssBytes: options.cellSettings?.(cell).maxRssBytes ?? options.maxRssBytes,
          onMessage: (m) => {
            if (m.type === "epoch") progress.epochFinished(index, m.sample.epoch);
            if (m.type === "ready" && prestart && index + 1 < cells.length && !signal.aborted) {
              spare = { index: index + 1, process: new CellProcess(taskFor(cells[index + 1]!)) };
            }
          },
          ...(ready ? { process: ready } : {}),
          ...(GPU_BACKENDS.has(cell.backend) && gpuSampler ? { gpuSampler } : {}),
          signal,
        });
        if (run.interrupted) {
          interrupted = true;
          break;
        }
        let result = cellFromRun(run, options.warmupEpochs, options.rules);
        if (originsMode === "leaking" && result.verdict === "leaking" && !signal.aborted) {
          progress.tracingOrigins?.(index, cell);
          const traced = await runCellProcess(taskFor(cell, true), {
            timeoutMs: options.timeoutMs,
            maxRssBytes: options.cellSettings?.(cell).maxRssBytes ?? options.maxRssBytes,
            signal,
          });
          if (traced.interrupted) {
            finished[index] = result; // measured in full; only its origins are missing
            interrupted = true;
            break;
          }
          result = withTracedOrigins(result, cellFromRun(traced, options.warmupEpochs, options.rules));
        }
        finished[index] = result;
        progress.cellFinished(index, finished[index]);
        await save();
      }
    } catch (error) {
      // Stop the other workers' cells too: no process may outlive the run.
      failure ??= { error };
      stopAll.abort();
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    killSpare();
    signal.removeEventListener("abort", killSpare);
    progress.finish();
    // Every cell's process is gone by now; a killed one may have left its on-disk strategy's files here.
    await rm(runTmpDir, { recursive: true, force: true });
  }
  if (failure) {
    // Keep what was measured when the file can still be written; the first error is what went wrong.
    await save().catch(() => {});
    throw failure.error;
  }
  await save();
  return { results, interrupted: interrupted || Boolean(options.signal?.aborted && results.cells.length < cells.length) };
}

/**
 * A leaking cell with the leak origins of its second run (traced). The measured figures stay the first run's;
 * the reason says where the origins come from, or why the second run gave none.
 */
export function withTracedOrigins(measured: Cell, traced: Cell): Cell {
  const reason = measured.verdictReason ?? "leaking";
  if (traced.status !== "ok" || traced.leakOrigins === undefined) {
    const why =
      traced.status !== "ok" ? `it ended ${traced.status}${traced.error ? ` (${traced.error.message})` : ""}` : "it recorded none";
    return { ...measured, verdictReason: `${reason}; no leak origins: a second run with origin tracking was made, but ${why}` };
  }
  const same = traced.verdict === "leaking" && traced.summary?.tensorsPerEpoch === measured.summary?.tensorsPerEpoch;
  return {
    ...measured,
    verdictReason: `${reason}; leak origins from a second run of the cell with origin tracking on${same ? "" : `, which measured ${traced.summary ? `${traced.summary.tensorsPerEpoch} tensors/epoch` : "no slope"} (${traced.verdict ?? "no verdict"})`}`,
    leakOrigins: traced.leakOrigins,
  };
}

/** The first epoch past warm-up and the last: the heap between them is what training kept adding. */
export function heapSnapshotEpochs(warmupEpochs: number, epochs: number): number[] {
  const first = warmupEpochs + 1;
  return epochs > first ? [first, epochs] : [];
}

/** A write that fails for a reason outside the harness (disk, permissions) becomes an OutFileError naming the file. */
async function writeOut(path: string, results: ResultsFile): Promise<void> {
  try {
    await writeResultsFile(path, results);
  } catch (error) {
    if (error instanceof ResultsFileError || !(error instanceof Error)) throw error;
    throw new OutFileError(path, error);
  }
}
