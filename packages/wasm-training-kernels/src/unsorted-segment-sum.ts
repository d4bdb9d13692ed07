import {
  UnsortedSegmentSum,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
  type UnsortedSegmentSumAttrs,
} from "@tensorflow/tfjs-core";
import { reshape, sliceIfNeeded, withScratch } from "./_wasm-scratch.js";
import { WASM_BACKEND_NAME } from "./kernel-names.js";
import { UnsupportedAttributeError } from "./unsupported-attribute-error.js";

/**
 * out[k, ...] = Σ_{i: ids[i]=k} x[i, ...] is what wasm's ScatterNd computes (it adds rows that land on
 * the same index), with ids as [I,1] indices. Work is O(size of x), unlike a one-hot matMul whose cost
 * grows with the vocabulary. Ids outside [0, numSegments) are dropped as in TensorFlow: ScatterNd would
 * not check them, so they are redirected to one spare segment that is sliced off.
 */
export const unsortedSegmentSumWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
  const name = UnsortedSegmentSum;
  if (!Number.isInteger(numSegments) || numSegments < 0)
    throw new Error(`${name}: numSegments must be a non-negative integer, got ${numSegments}`);
  if (x.dtype !== "float32" && x.dtype !== "int32") throw new UnsupportedAttributeError(name, "x.dtype", x.dtype, "'float32' or 'int32'");
  if (segmentIds.dtype !== "int32") throw new UnsupportedAttributeError(name, "segmentIds.dtype", segmentIds.dtype, "'int32'");
  const idRank = segmentIds.shape.length;
  if (idRank > x.shape.length || segmentIds.shape.some((d, i) => d !== x.shape[i])) {
    throw new Error(`${name}: segmentIds shape [${segmentIds.shape.join(",")}] must be a prefix of x shape [${x.shape.join(",")}]`);
  }
  const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
  const rowShape = x.shape.slice(idRank);
  const outShape = [numSegments, ...rowShape];

  return withScratch(backend, (s) => {
    const ids = s.backend.readSync(segmentIds.dataId) as Int32Array;
    const spare = ids.some((id) => id < 0 || id >= numSegments);
    const indices = spare ? s.adopt(redirected(s.backend, ids, numSegments)) : reshape(s, segmentIds, [rows, 1]);
    const updates = reshape(s, x, [rows, ...rowShape]);
    const summed = s.run("ScatterNd", { indices, updates }, { shape: spare ? [numSegments + 1, ...rowShape] : outShape });
    return sliceIfNeeded(
      s,
      summed,
      outShape.map(() => 0),
      outShape,
    );
  });
};

function redirected(backend: KernelBackend, ids: Int32Array, numSegments: number): TensorInfo {
  const safe = Int32Array.from(ids, (id) => (id < 0 || id >= numSegments ? numSegments : id));
  const shape = [ids.length, 1];
  return { dataId: backend.write(safe, shape, "int32"), shape, dtype: "int32" };
}

export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: WASM_BACKEND_NAME,
  kernelFunc: unsortedSegmentSumWasm,
};
