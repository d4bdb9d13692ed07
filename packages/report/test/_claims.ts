// Cells with the version-2 memory figures the claims read, on top of the results package's synthetic cells.
import { syntheticCell, syntheticResults, type Cell, type ResultsFile } from "@keras-mem-bench/results";

const MiB = 2 ** 20;

export interface ClaimCellOptions {
  family?: string;
  strategy?: string;
  batchSize?: number;
  backend?: string;
  gpuMemoryGrowth?: boolean;
  samplesPerEpoch?: number;
  peakRssMiB?: number;
  stepPeakMiB?: number;
  activationMiB?: number;
  datasetMiB?: number;
  betweenStepsMiB?: number;
  retainedMiB?: number;
  baselineMiB?: number;
  parameterCount?: number;
  samplesPerSecond?: number;
  peakGpuMiB?: number;
  verdict?: Cell["verdict"];
  crashedWith?: string;
}

export function claimCell(o: ClaimCellOptions = {}): Cell {
  const base = syntheticCell(
    {
      family: o.family ?? "dense",
      strategy: o.strategy ?? "generator",
      batchSize: o.batchSize ?? 64,
      backend: o.backend ?? "wasm",
      ...(o.gpuMemoryGrowth === undefined ? {} : { gpuMemoryGrowth: o.gpuMemoryGrowth }),
    },
    { samplesPerEpoch: o.samplesPerEpoch ?? 65536, noise: 0 },
  );
  // Start from a version-1 cell: only the version-2 figures a test gives are present.
  const { memoryParts: _parts, ...v1 } = base;
  const { peakStepTensorBytes: _peak, peakStepTensors: _tensors, peakActivationBytes: _activation, ...summary } = base.summary!;
  const cell: Cell = {
    ...v1,
    parameterCount: o.parameterCount ?? base.parameterCount,
    verdict: o.verdict === undefined ? base.verdict : o.verdict,
    summary: {
      ...summary,
      peakRssBytes: (o.peakRssMiB ?? 170) * MiB,
      ...(o.samplesPerSecond === undefined ? {} : { timing: { ...summary.timing!, samplesPerSecond: o.samplesPerSecond } }),
      ...(o.peakGpuMiB === undefined ? {} : { peakGpuUsedBytes: o.peakGpuMiB * MiB }),
      ...(o.stepPeakMiB === undefined ? {} : { peakStepTensorBytes: o.stepPeakMiB * MiB }),
      ...(o.activationMiB === undefined ? {} : { peakActivationBytes: o.activationMiB * MiB }),
    },
    ...(o.datasetMiB === undefined && o.betweenStepsMiB === undefined
      ? {}
      : {
          memoryParts: {
            baselineRssBytes: (o.baselineMiB ?? 150) * MiB,
            datasetTensorBytes: (o.datasetMiB ?? 0) * MiB,
            datasetRetainedBytes: (o.retainedMiB ?? 0) * MiB,
            betweenStepsTensorBytes: (o.betweenStepsMiB ?? 0) * MiB,
            weightBytes: 0.1 * MiB,
            optimizerStateBytes: 0.2 * MiB,
          },
        }),
  };
  if (o.crashedWith === undefined) return cell;
  return {
    ...cell,
    status: "crashed",
    verdict: null,
    error: { message: `RSS exceeded --max-rss`, code: o.crashedWith },
    samples: cell.samples.slice(0, 1),
  };
}

export function results(cells: Cell[]): ResultsFile {
  return syntheticResults(cells);
}
