// Synthetic epoch samples for analysis tests: exact shapes, seeded noise, nothing measured.
import { mulberry32, type EpochSample } from "@keras-mem-bench/results";

export const MiB = 2 ** 20;

export interface SeriesShape {
  epochs: number;
  /** RSS per epoch (1-based) before noise. */
  rss?: (epoch: number) => number;
  heap?: (epoch: number) => number;
  external?: (epoch: number) => number;
  tensors?: (epoch: number) => number;
  wasm?: ((epoch: number) => number) | null;
  /** Uniform noise of ± this many bytes on RSS and heap. */
  noiseBytes?: number;
  seed?: number;
}

export function series(shape: SeriesShape): EpochSample[] {
  const random = mulberry32(shape.seed ?? 7);
  const noise = () => (shape.noiseBytes ?? 0) * (2 * random() - 1);
  const samples: EpochSample[] = [];
  for (let epoch = 1; epoch <= shape.epochs; epoch++) {
    const tensors = shape.tensors?.(epoch) ?? 24;
    const rss = Math.round((shape.rss?.(epoch) ?? 180 * MiB) + noise());
    samples.push({
      epoch,
      timeMs: 100,
      elapsedMs: 100 * epoch,
      rssBytes: rss,
      heapUsedBytes: Math.round((shape.heap?.(epoch) ?? 30 * MiB) + noise() / 4),
      externalBytes: shape.external?.(epoch) ?? 24 * MiB,
      arrayBuffersBytes: 64 * 1024,
      numTensors: tensors,
      numBytes: tensors * 4096,
      numDataIds: tensors,
      wasmHeapBytes: shape.wasm === null ? null : (shape.wasm?.(epoch) ?? 16 * MiB),
      maxRssBytes: rss,
      loss: 1 / epoch,
    });
  }
  return samples;
}
