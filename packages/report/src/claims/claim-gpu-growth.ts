// "Let GPU memory grow on demand": the tensorflow backend's peak GPU memory with the allocator's growth on and off.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { bytes, okCells } from "./_claim-cells.js";
import { GPU_GROWTH_SHARE } from "./claim-thresholds.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "Turning on GPU memory growth (set_memory_growth) makes TensorFlow take only the GPU memory it needs.";

const sameButGrowth = (a: Cell, b: Cell) =>
  a.family === b.family &&
  a.strategy === b.strategy &&
  a.batchSize === b.batchSize &&
  a.backend === b.backend &&
  a.samplesPerEpoch === b.samplesPerEpoch;

export function gpuGrowthClaim(results: ResultsFile): ClaimResult {
  const base = { id: "gpu-memory-growth" as const, claim: CLAIM };
  const gpu = okCells(results).filter((c) => c.gpuMemoryGrowth != null && c.summary?.peakGpuUsedBytes != null);
  const pairs = gpu
    .filter((c) => c.gpuMemoryGrowth === true)
    .flatMap((on) => {
      const off = gpu.find((c) => c.gpuMemoryGrowth === false && sameButGrowth(c, on));
      return off ? [{ on, off }] : [];
    });
  if (pairs.length === 0) {
    const backends = [...new Set(results.cells.map((c) => c.backend))].join(", ");
    const gpus = results.env.gpu?.length ? `GPU: ${results.env.gpu.map((g) => g.name).join(", ")}` : "no GPU";
    return notMeasured(
      base,
      `needs the tensorflow backend (@tensorflow/tfjs-node-gpu) on a CUDA GPU, with cells at --gpu-memory-growth on and off; ` +
        `this run has backends ${backends} and ${gpus} (the allocator setting exists only in TensorFlow's GPU allocator)`,
    );
  }
  const shares = pairs.map(({ on, off }) => on.summary!.peakGpuUsedBytes! / off.summary!.peakGpuUsedBytes!);
  const figures = pairs.map(
    ({ on, off }, i) =>
      `${on.id.replace(/\/growth-on$/, "")}: peak GPU ${bytes(on.summary!.peakGpuUsedBytes!)} with growth on vs ${bytes(off.summary!.peakGpuUsedBytes!)} off (${Math.round(shares[i]! * 100)}%)`,
  );
  const cells = pairs.flatMap(({ on, off }) => [on.id, off.id]);
  const saves = shares.filter((s) => s <= GPU_GROWTH_SHARE).length;
  const verdict = saves === pairs.length ? "holds" : saves === 0 ? "does not hold" : "partly";
  return {
    ...base,
    verdict,
    reason: `with growth on, ${saves} of ${pairs.length} cells take at most ${Math.round(GPU_GROWTH_SHARE * 100)}% of the GPU memory they take with growth off`,
    figures,
    cells,
  };
}
