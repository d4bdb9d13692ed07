// Parent side of a cell: one child process per cell, so a crash, an OOM or a leak kills only that cell
// and every cell starts from a clean heap. Samples arrive over IPC as they are taken, so whatever
// happens to the process, everything up to its last sample is kept.
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { GpuSampler, GpuSamples } from "@keras-mem-bench/gpu-memory";
import type { BatchSample, CellError, CellStatus, ComputeDevice, EpochSample, EpochTiming, MemoryParts } from "@keras-mem-bench/results";
import type { HeapSummary } from "../analysis/heap-snapshot-diff.js";
import type { EpochOrigins } from "../analysis/leak-origins.js";
import { exitFailure, killedFailure, reportedFailure, type KillReason } from "./cell-failure.js";
import { CELL_TASK_ENV, type CellMessage, type CellTask, type GoMessage } from "../cell-protocol.js";
import { readProcessRss } from "./proc-rss.js";
import { RUNS_COMPILED } from "../build-mode.js";

// Compiled (the published package), a cell's process is plain node on the bundled cell-child.js, and a
// TypeScript suite brings its own loader (suite-import). From the sources it runs through tsx's loader,
// resolved from the harness itself, with "keras-mem-bench" resolved to its sources too (one copy of the harness).
const CHILD_ENTRY = fileURLToPath(new URL(RUNS_COMPILED ? "./cell-child.js" : "../child/cell-child.ts", import.meta.url));
const CHILD_LOADER = RUNS_COMPILED
  ? []
  : ["--conditions=kmb-source", "--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href];

const TAIL_CHARS = 8192;
/** Longest a cell's process may take to load before it is declared hung (or --timeout, when longer). */
export const BOOT_LIMIT_MS = 120_000;

/**
 * libtensorflow reads the allocator setting once, when the GPU device is created, so it must be in the
 * environment before the process loads tfjs-node-gpu; a cell without the axis leaves the user's own value.
 */
export function allocatorEnv(task: CellTask): Record<string, string> {
  const growth = task.cell.gpuMemoryGrowth;
  return growth === null || growth === undefined ? {} : { TF_FORCE_GPU_ALLOW_GROWTH: growth ? "true" : "false" };
}

/**
 * A cell's process, started ahead of time if wanted: it loads Node, tsx, tfjs, the suite and the backend,
 * then waits for "go" (`runCellProcess`). Messages and exit are recorded from the start, so nothing is missed while waiting.
 */
export class CellProcess {
  readonly child: ChildProcess;
  private readonly messages: CellMessage[] = [];
  private listener: ((message: CellMessage) => void) | undefined;
  private exitListener: (() => void) | undefined;
  exit: { code: number | null; signal: string | null; spawnError?: Error } | undefined;
  /** The process has said "loaded" (it is waiting for go, or past it). */
  loaded = false;
  stderrTail = "";

  constructor(readonly task: CellTask) {
    this.child = fork(CHILD_ENTRY, [], {
      execArgv: ["--expose-gc", ...CHILD_LOADER],
      env: { ...process.env, ...allocatorEnv(task), [CELL_TASK_ENV]: JSON.stringify(task) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.child.stdout?.on("data", () => {});
    this.child.stderr?.on("data", (chunk: Buffer) => {
      const next = this.stderrTail + chunk.toString("utf8");
      this.stderrTail = next.length > TAIL_CHARS ? next.slice(-TAIL_CHARS) : next;
    });
    this.child.on("message", (message: CellMessage) => {
      if (message.type === "loaded") this.loaded = true;
      if (this.listener) this.listener(message);
      else this.messages.push(message);
    });
    // "close" waits for stdio and the IPC channel to drain, so the last messages are in before the cell is judged.
    this.child.on("close", (code, signal) => this.exited({ code, signal }));
    this.child.on("error", (error) => {
      if (this.child.pid === undefined) this.exited({ code: null, signal: null, spawnError: error });
    });
  }

  private exited(exit: NonNullable<CellProcess["exit"]>): void {
    if (this.exit) return;
    this.exit = exit;
    this.exitListener?.();
  }

  /** Receives every message, the ones that came before this call first. */
  listen(onMessage: (message: CellMessage) => void, onExit: () => void): void {
    this.listener = onMessage;
    this.exitListener = onExit;
    for (const message of this.messages.splice(0)) onMessage(message);
    if (this.exit) onExit();
  }

  go(): void {
    if (this.child.connected) this.child.send({ type: "go" } satisfies GoMessage);
  }

  kill(): void {
    if (!this.exit) this.child.kill("SIGKILL");
  }
}

export interface CellRunOptions {
  timeoutMs: number;
  /** Kill the process when its RSS goes above this; null for no limit. */
  maxRssBytes: number | null;
  /** How often the watchdog reads the process's RSS. */
  watchdogIntervalMs?: number;
  onMessage?: (message: CellMessage) => void;
  /** Aborting kills the process and marks the run interrupted (Ctrl-C). */
  signal?: AbortSignal;
  /** A process already started for this task (see CellProcess); a fresh one is started otherwise. */
  process?: CellProcess;
  /** Starts GPU memory polling for the cell's process (GPU backends); its latest reading joins each epoch sample. */
  gpuSampler?: (pid: number) => GpuSampler;
}

export interface CellRun {
  task: CellTask;
  status: CellStatus;
  error?: CellError;
  samples: EpochSample[];
  batchSamples: BatchSample[];
  /** What each part of the cell held, as the process last reported it; null before its first epoch ended. */
  memoryParts: MemoryParts | null;
  timing: EpochTiming | null;
  parameterCount: number | null;
  /** The GPU the backend computed on, as the process said when loaded; null for CPU backends. */
  computeDevice: ComputeDevice | null;
  /** The process's own start cost: boot (Node, tsx, tfjs, suite, backend) + model and pipeline set-up. */
  startupMs: number | null;
  /** From "go" until the process was gone (includes any start-up not yet done at "go"). */
  durationMs: number;
  finalMaxRssBytes: number | null;
  /** Highest GPU memory the poller saw for the process (or all GPUs when the process is not listed); null without one. */
  peakGpuUsedBytes: number | null;
  /** Stopped by the signal: not a measurement of the cell. */
  interrupted: boolean;
  /** Live tensors by origin at each epoch end (empty when origins were off). */
  origins: EpochOrigins[];
  /** Heap snapshot summaries taken after epochs (--diagnose), in epoch order. */
  heapSnapshots: Array<{ epoch: number; summary: HeapSummary }>;
}

/** Runs one cell and resolves when its process is gone; never rejects for a cell failure. */
export function runCellProcess(task: CellTask, options: CellRunOptions): Promise<CellRun> {
  const proc = options.process ?? new CellProcess(task);
  const started = performance.now();
  const samples: EpochSample[] = [];
  const batchSamples: BatchSample[] = [];
  let memoryParts: MemoryParts | null = null;
  const origins: EpochOrigins[] = [];
  const heapSnapshots: CellRun["heapSnapshots"] = [];
  let timing: EpochTiming | null = null;
  let parameterCount: number | null = null;
  let bootMs: number | null = null;
  let computeDevice: ComputeDevice | null = null;
  let setupMs: number | null = null;
  let finalMaxRssBytes: number | null = null;
  let done = false;
  let reported: ReturnType<typeof reportedFailure> | undefined;
  let killed: KillReason | undefined;
  let interrupted = false;

  const kill = (reason: KillReason) => {
    if (killed || interrupted || done) return;
    killed = reason;
    proc.kill();
  };
  const checkRss = (rss: number | null) => {
    if (options.maxRssBytes !== null && rss !== null && rss > options.maxRssBytes) {
      kill({ kind: "max-rss", rssBytes: rss, maxRssBytes: options.maxRssBytes });
    }
  };
  // --timeout covers the cell's own work: it runs from "go" once the process has loaded. Loading (Node,
  // tsx, tfjs, backend) has its own, longer limit, so a slow machine's start-up never eats a cell's time.
  let timeout: NodeJS.Timeout | undefined;
  const startCellTimer = () => {
    clearTimeout(timeout);
    timeout = setTimeout(() => kill({ kind: "timeout", timeoutMs: options.timeoutMs }), options.timeoutMs);
  };
  if (proc.loaded) startCellTimer();
  else {
    const bootLimitMs = Math.max(options.timeoutMs, BOOT_LIMIT_MS);
    timeout = setTimeout(() => kill({ kind: "timeout", timeoutMs: bootLimitMs, phase: "boot" }), bootLimitMs);
  }
  let polling = false;
  const pid = proc.child.pid;
  const watchdog =
    options.maxRssBytes === null || pid === undefined
      ? undefined
      : setInterval(() => {
          if (polling) return;
          polling = true;
          void readProcessRss(pid).then((rss) => {
            polling = false;
            checkRss(rss);
          });
        }, options.watchdogIntervalMs ?? 50);
  const onAbort = () => {
    interrupted = true;
    proc.kill();
  };
  const gpu = options.gpuSampler && pid !== undefined ? options.gpuSampler(pid) : undefined;
  const gpuBytes = () => {
    const reading = gpu?.latest();
    return reading ? (reading.processUsedBytes ?? reading.totalUsedBytes) : null;
  };

  return new Promise((resolve) => {
    const finish = async () => {
      clearTimeout(timeout);
      if (watchdog) clearInterval(watchdog);
      options.signal?.removeEventListener("abort", onAbort);
      let peakGpuUsedBytes: number | null = null;
      if (gpu) {
        // A poller that fails to stop costs the GPU peak, never the cell: this promise must resolve.
        let polled: GpuSamples | null = null;
        try {
          polled = await gpu.stop();
        } catch {
          polled = null;
        }
        if (polled?.available) peakGpuUsedBytes = polled.peakProcessUsedBytes ?? polled.peakTotalUsedBytes;
      }
      const exit = proc.exit!;
      const outcome: { status: CellStatus; error?: CellError } = exit.spawnError
        ? { status: "error", error: { message: `cannot start the cell's process: ${exit.spawnError.message}`, code: "KMB_CELL_SPAWN" } }
        : killed
          ? killedFailure(killed)
          : done
            ? { status: "ok" }
            : (reported ?? exitFailure(exit.code, exit.signal, proc.stderrTail));
      resolve({
        task,
        ...outcome,
        samples,
        batchSamples,
        memoryParts,
        timing,
        parameterCount,
        computeDevice,
        startupMs: bootMs !== null && setupMs !== null ? bootMs + setupMs : null,
        durationMs: performance.now() - started,
        finalMaxRssBytes,
        peakGpuUsedBytes,
        interrupted,
        origins,
        heapSnapshots,
      });
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    proc.listen(
      (message) => {
        switch (message.type) {
          case "loaded":
            bootMs = message.bootMs;
            computeDevice = message.computeDevice;
            startCellTimer();
            break;
          case "ready":
            setupMs = message.setupMs;
            parameterCount = message.parameterCount;
            break;
          case "batch":
            batchSamples.push(message.sample);
            checkRss(message.sample.rssBytes);
            break;
          case "epoch":
            if (gpu) message.sample.gpuUsedBytes = gpuBytes();
            samples.push(message.sample);
            if (message.origins) origins.push({ epoch: message.sample.epoch, origins: message.origins });
            checkRss(message.sample.rssBytes);
            break;
          case "parts":
            memoryParts = message.memoryParts;
            break;
          case "heap":
            heapSnapshots.push({ epoch: message.epoch, summary: message.summary });
            break;
          case "done":
            done = true;
            timing = message.timing;
            finalMaxRssBytes = message.maxRssBytes;
            break;
          case "failed":
            reported = reportedFailure(message.failure);
            break;
        }
        options.onMessage?.(message);
      },
      () => void finish(),
    );
    proc.go();
  });
}
