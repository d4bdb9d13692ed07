// A finished cell process → the results-file Cell: status, samples, summary and verdict. Pure.
import type { Cell } from "@keras-mem-bench/results";
import { analyseCell, type VerdictRules } from "../analysis/analysis.js";
import type { CellRun } from "./cell-runner.js";

export function cellFromRun(run: CellRun, warmupEpochs: number, rules?: VerdictRules): Cell {
  const { cell } = run.task;
  const analysis = analyseCell({
    samples: run.samples,
    batchSamples: run.batchSamples,
    warmupEpochs,
    timing: run.timing,
    finalMaxRssBytes: run.finalMaxRssBytes,
    peakGpuUsedBytes: run.peakGpuUsedBytes,
    ...(rules ? { rules } : {}),
  });
  return {
    id: cell.id,
    family: cell.family,
    strategy: cell.strategy,
    batchSize: cell.batchSize,
    backend: cell.backend,
    ...(cell.gpuMemoryGrowth === null ? {} : { gpuMemoryGrowth: cell.gpuMemoryGrowth }),
    status: run.status,
    verdict: analysis.verdict,
    verdictReason: analysis.verdictReason,
    epochs: run.samples.length,
    samplesPerEpoch: run.task.samplesPerEpoch,
    parameterCount: run.parameterCount,
    durationMs: run.durationMs,
    ...(run.startupMs === null ? {} : { startupMs: run.startupMs }),
    samples: run.samples,
    batchSamples: run.batchSamples,
    summary: analysis.summary,
    ...(run.memoryParts ? { memoryParts: run.memoryParts } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}
