// Memory readings inside a cell's process. Batch samples are cheap (no GC) and show churn within an epoch;
// epoch samples follow a forced GC so they show what training retained.
import type { BatchSample, EpochSample } from "@keras-mem-bench/results";
import * as tf from "@tensorflow/tfjs-core";
import type { EpochStepPeaks, StepPeak } from "./step-peak.js";

interface WasmBackendLike {
  wasm?: { HEAPU8?: Uint8Array };
}

/** Size of the wasm module's linear memory (it grows and never shrinks); null off wasm. */
export function wasmHeapBytes(): number | null {
  const backend = tf.engine().backend as unknown as WasmBackendLike;
  const heap = backend.wasm?.HEAPU8;
  return heap ? heap.buffer.byteLength : null;
}

interface WebGpuMemoryLike {
  numBytesAllocatedInGPU?: unknown;
}

/**
 * What the backend itself holds, where it says so: the wasm module's linear memory (a high-water mark by nature:
 * it grows and never shrinks), or the bytes the WebGPU backend has allocated on the GPU (freed buffers stay in
 * its pool, so this too only falls when the pool is trimmed). Null on cpu and tensorflow (tfjs-node does not
 * report GPU bytes; the GPU poller does). Cheap: no GC, no device sync.
 */
export function backendBytes(): number | null {
  const wasm = wasmHeapBytes();
  if (wasm !== null) return wasm;
  if (tf.getBackend() !== "webgpu") return null;
  const allocated = (tf.engine().backend.memory() as WebGpuMemoryLike).numBytesAllocatedInGPU;
  return typeof allocated === "number" ? allocated : null;
}

/** Live data ids the backend holds (one per tensor buffer it manages); null where it does not count them. */
export function numDataIds(): number | null {
  try {
    const n = tf.engine().backend.numDataIds();
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

/** Process RSS high-water mark (getrusage maxrss is KiB on Linux). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** The reading after a step; `step` adds the step's tensor high-water mark (absent when no meter ran). */
export function batchSample(epoch: number, batch: number, elapsedMs: number, step?: StepPeak): BatchSample {
  const memory = process.memoryUsage();
  const tensors = tf.memory();
  return {
    epoch,
    batch,
    elapsedMs,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    numTensors: tensors.numTensors,
    numBytes: tensors.numBytes,
    numDataIds: numDataIds(),
    wasmHeapBytes: wasmHeapBytes(),
    ...(step ? { stepPeakBytes: step.peakBytes, stepPeakTensors: step.peakTensors, stepStartBytes: step.startBytes } : {}),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Forces a full GC (the cell's process runs with --expose-gc). One is enough: a second in the same tick finds nothing new. */
export function collectGarbage(): boolean {
  if (!gc) return false;
  gc();
  return true;
}

/**
 * The epoch-end reading. With `forcedGc` (the default for cells) a full GC runs first, so heap, external and
 * RSS show what training retained. Its price: V8 drops optimized code that embedded objects the GC freed,
 * so the next epoch re-optimizes (measured ≈ 30 ms per epoch for the dense family on this 2-core machine).
 */
export function epochSample(
  epoch: number,
  time: { timeMs: number; cpuTimeMs: number },
  elapsedMs: number,
  loss: number | null,
  forcedGc = true,
  steps?: { peaks: EpochStepPeaks | null; backendPeakBytes: number | null },
): EpochSample {
  if (forcedGc) collectGarbage();
  const memory = process.memoryUsage();
  const tensors = tf.memory();
  return {
    epoch,
    timeMs: time.timeMs,
    cpuTimeMs: time.cpuTimeMs,
    elapsedMs,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external,
    arrayBuffersBytes: memory.arrayBuffers,
    numTensors: tensors.numTensors,
    numBytes: tensors.numBytes,
    numDataIds: numDataIds(),
    wasmHeapBytes: wasmHeapBytes(),
    maxRssBytes: maxRssBytes(),
    loss,
    ...(steps?.peaks ?? {}),
    ...(steps ? { backendPeakBytes: steps.backendPeakBytes } : {}),
  };
}
