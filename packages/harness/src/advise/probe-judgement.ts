// A probe cell → does its batch fit the budget? A cell killed at the budget, or one that ran out of memory,
// is an answer (it does not fit); an error that is not about memory, a missing kernel or a timeout says
// nothing about memory and stops that row's search. Pure.
import type { AdviceProbe, BudgetMetric, Cell, ProbeReason } from "@keras-mem-bench/results";

/** Cell error codes that mean the process ran out of memory or was killed for its memory. */
const MEMORY_CRASH_CODES = new Set(["KMB_MAX_RSS", "KMB_OUT_OF_MEMORY"]);

/** Errors a backend throws when it cannot get memory: TensorFlow's OOM, wasm's heap, V8's array buffers, GPU buffers. */
const MEMORY_ERROR =
  /out of memory|\bOOM\b|ResourceExhausted|Cannot enlarge memory|Array buffer allocation failed|WebAssembly\.Memory|Invalid typed array length|Aborted\(OOM\)/i;

/** The peak of the budget's metric in a finished cell; null when the cell has no such figure. */
export function metricPeak(cell: Cell, metric: BudgetMetric): number | null {
  const summary = cell.summary;
  if (summary === null) return null;
  switch (metric) {
    case "rss":
      return summary.peakRssBytes;
    case "gpu":
      return summary.peakGpuUsedBytes ?? null;
    case "step":
      // Results format version 2; absent in cells of a harness that does not measure it.
      return summary.peakStepTensorBytes ?? null;
  }
}

/** What a probe's cell says about its batch size under the budget. */
export function judgeProbe(cell: Cell, options: { reason: ProbeReason; metric: BudgetMetric; budgetBytes: number }): AdviceProbe {
  const base = {
    batchSize: cell.batchSize,
    reason: options.reason,
    status: cell.status,
    epochs: cell.epochs,
    samplesPerEpoch: cell.samplesPerEpoch,
    durationMs: cell.durationMs,
    ...(cell.error ? { error: cell.error } : {}),
  };
  if (cell.status === "ok") {
    const peakBytes = metricPeak(cell, options.metric);
    return {
      ...base,
      fits: peakBytes === null ? null : peakBytes <= options.budgetBytes,
      peakBytes,
      samplesPerSecond: cell.summary?.timing?.samplesPerSecond ?? null,
      ...(peakBytes === null
        ? { error: { message: `the cell finished without a ${options.metric} figure to judge`, code: "KMB_ADVISE_NO_READING" } }
        : {}),
    };
  }
  const error = cell.error;
  const memory =
    (cell.status === "crashed" && MEMORY_CRASH_CODES.has(error?.code ?? "")) ||
    // A SIGKILL the harness did not send (no KMB_MAX_RSS, no timeout): most often the OS out-of-memory killer.
    (cell.status === "crashed" && error?.code === "KMB_CELL_CRASHED" && error.signal === "SIGKILL") ||
    (cell.status !== "unsupported" && MEMORY_ERROR.test(error?.message ?? ""));
  return { ...base, fits: memory ? false : null, peakBytes: null, samplesPerSecond: null };
}
