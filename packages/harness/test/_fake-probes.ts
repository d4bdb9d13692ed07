// A fake cell runner for the advisor's search: memory follows a curve you give, and the cell ends the way a
// real one would under the budget (killed by the RSS watchdog above it, or an error you choose).
import { syntheticCell, type Cell, type CellError } from "@keras-mem-bench/results";
import { judgeProbe } from "../src/advise/probe-judgement.js";
import type { ProbeRunner } from "../src/advise/batch-search.js";

export const MIB = 2 ** 20;

export interface FakeCellOptions {
  /** Peak bytes of the metric at a batch size. */
  peak: (batchSize: number) => number;
  budgetBytes: number;
  metric?: "rss" | "gpu" | "step";
  /** Ends the cell this way instead of measuring it (e.g. a missing kernel, an OOM error). */
  failure?: (batchSize: number) => { status: Cell["status"]; error: CellError } | null;
}

/** One finished fake cell at `batchSize`. */
export function fakeCell(batchSize: number, options: FakeCellOptions): Cell {
  const cell = syntheticCell(
    { family: "lstm", strategy: "generator", batchSize, backend: "wasm" },
    { epochs: 2, warmupEpochs: 1, noise: 0, samplesPerEpoch: Math.max(1024, batchSize) },
  );
  const failure = options.failure?.(batchSize) ?? null;
  const peak = options.peak(batchSize);
  if (failure) return { ...cell, ...failure, summary: null };
  // What the --max-rss watchdog does: the process is killed as soon as its RSS passes the budget.
  if ((options.metric ?? "rss") === "rss" && peak > options.budgetBytes) {
    return {
      ...cell,
      status: "crashed",
      summary: null,
      error: {
        message: `RSS ${peak} exceeded --max-rss ${options.budgetBytes}; the process was killed`,
        code: "KMB_MAX_RSS",
        exitCode: null,
        signal: "SIGKILL",
      },
    };
  }
  const summary = cell.summary!;
  const field = { rss: "peakRssBytes", gpu: "peakGpuUsedBytes", step: "peakStepTensorBytes" }[options.metric ?? "rss"];
  return { ...cell, summary: { ...summary, [field]: peak } };
}

/** A ProbeRunner over fake cells, recording the sizes it was asked for. */
export function fakeProbeRunner(options: FakeCellOptions): ProbeRunner & { asked: number[] } {
  const asked: number[] = [];
  const runner = async (request: { batchSize: number; reason: Parameters<typeof judgeProbe>[1]["reason"] }) => {
    asked.push(request.batchSize);
    return judgeProbe(fakeCell(request.batchSize, options), {
      reason: request.reason,
      metric: options.metric ?? "rss",
      budgetBytes: options.budgetBytes,
    });
  };
  return Object.assign(runner, { asked });
}
