/** One training example, flattened row-major. `y` is usually a one-hot class vector. */
export interface Sample {
  x: Float32Array;
  y: Float32Array;
}

/**
 * A deterministic, random-access set of samples: `sample(i)` returns the same values every time it is
 * called with `i`, so every dataset strategy can feed the same samples in the same order.
 * Shapes are per sample, without the batch dimension.
 */
export interface SampleSource {
  count: number;
  xShape: number[];
  yShape: number[];
  sample(index: number): Sample;
}

export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((size, dim) => size * dim, 1);
}

export interface SampleSourceSpec {
  count: number;
  xShape: number[];
  yShape: number[];
  /** Fills the zeroed `x` and `y` for sample `index`. */
  fill(index: number, x: Float32Array, y: Float32Array): void;
}

/** Builds a SampleSource that checks its index and shapes, so a bad spec fails where it is made. */
export function createSampleSource(spec: SampleSourceSpec): SampleSource {
  const { count, xShape, yShape } = spec;
  if (!Number.isInteger(count) || count < 1) throw new Error(`sample source count must be a positive integer, got ${count}`);
  for (const [name, shape] of [
    ["xShape", xShape],
    ["yShape", yShape],
  ] as const) {
    if (shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
      throw new Error(`sample source ${name} must be non-empty positive integers, got [${shape.join(", ")}]`);
    }
  }
  const xSize = shapeSize(xShape);
  const ySize = shapeSize(yShape);
  return {
    count,
    xShape: [...xShape],
    yShape: [...yShape],
    sample(index: number): Sample {
      if (!Number.isInteger(index) || index < 0 || index >= count) {
        throw new RangeError(`sample index ${index} is outside 0..${count - 1}`);
      }
      const x = new Float32Array(xSize);
      const y = new Float32Array(ySize);
      spec.fill(index, x, y);
      return { x, y };
    },
  };
}

/** Samples [start, end) of a source packed into two flat arrays, batch-major. */
export function gatherSamples(source: SampleSource, start: number, end: number): { xs: Float32Array; ys: Float32Array } {
  const xSize = shapeSize(source.xShape);
  const ySize = shapeSize(source.yShape);
  const xs = new Float32Array((end - start) * xSize);
  const ys = new Float32Array((end - start) * ySize);
  for (let i = start; i < end; i++) {
    const { x, y } = source.sample(i);
    if (x.length !== xSize || y.length !== ySize) {
      throw new Error(
        `sample ${i} has ${x.length} x / ${y.length} y values; shapes [${source.xShape.join(", ")}] / [${source.yShape.join(", ")}] need ${xSize} / ${ySize}`,
      );
    }
    xs.set(x, (i - start) * xSize);
    ys.set(y, (i - start) * ySize);
  }
  return { xs, ys };
}

/** [start, end) of each batch in order; the last one is short when batchSize does not divide count. */
export function batchRanges(count: number, batchSize: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < count; start += batchSize) ranges.push([start, Math.min(start + batchSize, count)]);
  return ranges;
}
