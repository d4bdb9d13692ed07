// Polls nvidia-smi while a cell runs: the GPU memory of one process and of all GPUs, and their peaks.
// One poll at a time (the next is scheduled after the previous finishes), so a slow nvidia-smi stretches the
// interval instead of piling up processes. Never throws: a missing binary makes the result `available: false`,
// a failing call is kept in `failures`.
import type { GpuInfo } from "@keras-mem-bench/results";
import { DEFAULT_NVIDIA_SMI, DEFAULT_TIMEOUT_MS, runNvidiaSmi, type RunOutcome } from "./_run-nvidia-smi.js";
import { toGpuInfo, type NvidiaSmiOptions } from "./gpu-inventory.js";
import { gpuReading, type GpuReading } from "./gpu-reading.js";
import { COMPUTE_APPS_ARGS, parseComputeApps } from "./parse-compute-apps.js";
import { GPU_QUERY_ARGS, parseGpuQuery } from "./parse-gpu-query.js";

export interface GpuSamplerOptions extends NvidiaSmiOptions {
  /** The process whose GPU memory to report; null reports totals only. */
  pid: number | null;
  /** Time between the end of one poll and the start of the next. */
  intervalMs: number;
}

export interface GpuSample extends GpuReading {
  /** Milliseconds since the sampler started, when this poll began. */
  elapsedMs: number;
}

export interface GpuSamplerFailure {
  elapsedMs: number;
  message: string;
  exitCode: number | null;
}

export type GpuSamples =
  | {
      available: true;
      gpus: GpuInfo[];
      samples: GpuSample[];
      peakTotalUsedBytes: number | null;
      peakProcessUsedBytes: number | null;
      failures: GpuSamplerFailure[];
    }
  | {
      /** No nvidia-smi, or not one successful poll: the results carry no GPU fields. */
      available: false;
      reason: string;
      failures: GpuSamplerFailure[];
    };

export interface GpuSampler {
  /** Stops polling after one last poll (so the window's end is covered) and returns everything recorded. */
  stop(): Promise<GpuSamples>;
  /** The most recent successful sample, e.g. to attach GPU bytes to an epoch sample. */
  latest(): GpuSample | null;
}

export function startGpuSampler(options: GpuSamplerOptions): GpuSampler {
  if (!(options.intervalMs > 0)) throw new RangeError(`startGpuSampler: intervalMs must be > 0, got ${options.intervalMs}`);
  const command = options.command ?? DEFAULT_NVIDIA_SMI;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const samples: GpuSample[] = [];
  const failures: GpuSamplerFailure[] = [];
  let gpus: GpuInfo[] | null = null;
  let missing: string | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;

  async function poll(): Promise<void> {
    const elapsedMs = performance.now() - started;
    const gpuOut = await runNvidiaSmi(command, GPU_QUERY_ARGS, timeoutMs);
    if (!record(gpuOut, elapsedMs)) return;
    const appsOut = await runNvidiaSmi(command, COMPUTE_APPS_ARGS, timeoutMs);
    if (!record(appsOut, elapsedMs)) return;
    if (gpuOut.kind !== "ok" || appsOut.kind !== "ok") return;
    const parsedGpus = parseGpuQuery(gpuOut.stdout);
    if (parsedGpus.rows.length === 0) {
      failures.push({
        elapsedMs,
        message: `${command}: no GPU listed${parsedGpus.unparsed[0] !== undefined ? `: ${parsedGpus.unparsed[0]}` : ""}`,
        exitCode: 0,
      });
      return;
    }
    gpus ??= parsedGpus.rows.map(toGpuInfo);
    samples.push({ elapsedMs, ...gpuReading(parsedGpus.rows, parseComputeApps(appsOut.stdout).rows, options.pid) });
  }

  /** Keeps a failure, notes a missing binary; true when the output can be used. */
  function record(outcome: RunOutcome, elapsedMs: number): boolean {
    if (outcome.kind === "missing") {
      missing = outcome.message;
      return false;
    }
    if (outcome.kind === "failed") {
      failures.push({ elapsedMs, message: outcome.message, exitCode: outcome.exitCode });
      return false;
    }
    return true;
  }

  function schedule(): void {
    if (stopped || missing !== null) return;
    timer = setTimeout(tick, options.intervalMs);
    // A forgotten sampler must not keep a cell process alive.
    timer.unref();
  }

  function tick(): void {
    timer = null;
    inFlight = poll().finally(() => {
      inFlight = null;
      schedule();
    });
  }

  tick();

  return {
    latest: () => samples[samples.length - 1] ?? null,
    async stop(): Promise<GpuSamples> {
      if (!stopped) {
        stopped = true;
        if (timer !== null) clearTimeout(timer);
        timer = null;
        if (inFlight !== null) await inFlight;
        if (missing === null) await poll();
      }
      return summarize();
    },
  };

  function summarize(): GpuSamples {
    if (missing !== null && samples.length === 0) return { available: false, reason: missing, failures: [...failures] };
    if (gpus === null) {
      return { available: false, reason: failures[0]?.message ?? `${command}: no successful poll`, failures: [...failures] };
    }
    return {
      available: true,
      gpus,
      samples: [...samples],
      peakTotalUsedBytes: peak(samples.map((s) => s.totalUsedBytes)),
      peakProcessUsedBytes: peak(samples.map((s) => s.processUsedBytes)),
      failures: [...failures],
    };
  }
}

function peak(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? Math.max(...known) : null;
}
