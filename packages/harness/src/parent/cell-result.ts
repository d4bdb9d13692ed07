// A finished cell process → the results-file Cell: status, samples, summary and verdict. Pure.
import type { Cell, CellGrowth } from "@keras-mem-bench/results";
import { analyseCell, DEFAULT_VERDICT_RULES, type VerdictRules } from "../analysis/analysis.js";
import { diffHeapSummaries } from "../analysis/heap-snapshot-diff.js";
import { leakOrigins } from "../analysis/leak-origins.js";
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
  const origins = run.origins.length > 0 ? leakOrigins(run.origins, warmupEpochs, (rules ?? DEFAULT_VERDICT_RULES).minCountSlope) : null;
  const growth = growthOf(run, analysis.growth, analysis.verdict === "growing");
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
    ...(origins === null ? {} : { leakOrigins: origins }),
    ...(growth ? { growth } : {}),
    ...(run.computeDevice ? { computeDevice: run.computeDevice } : {}),
  };
}

/** What grows: the judged series of a growing cell, and the heap snapshot diff whenever --diagnose took two. */
function growthOf(run: CellRun, judged: CellGrowth | undefined, growing: boolean): CellGrowth | undefined {
  const [first, last] = [run.heapSnapshots[0], run.heapSnapshots[run.heapSnapshots.length - 1]];
  if (!first || !last || first === last) return growing ? judged : undefined;
  return {
    series: judged?.series ?? [],
    heapSnapshots: { fromEpoch: first.epoch, toEpoch: last.epoch, constructors: diffHeapSummaries(first.summary, last.summary) },
  };
}
