import type { TensorInfo } from "@tensorflow/tfjs-core";
import { UnsupportedAttributeError } from "./unsupported-attribute-error.js";

export type Shape4 = [number, number, number, number];

export function shape4(info: TensorInfo | readonly number[], kernelName: string, what: string): Shape4 {
  const shape = "shape" in info ? info.shape : info;
  const [a, b, c, d] = shape;
  if (shape.length !== 4 || a === undefined || b === undefined || c === undefined || d === undefined) {
    throw new Error(`${kernelName}: ${what} must be rank 4 (NHWC), got shape [${shape.join(",")}]`);
  }
  return [a, b, c, d];
}

export function requireFloat32(info: TensorInfo, kernelName: string, what: string): void {
  if (info.dtype !== "float32") throw new UnsupportedAttributeError(kernelName, `${what}.dtype`, info.dtype, "'float32'");
}

export function requireShape(info: TensorInfo, expected: readonly number[], kernelName: string, what: string): void {
  if (info.shape.length !== expected.length || info.shape.some((n, i) => n !== expected[i])) {
    throw new Error(`${kernelName}: ${what} has shape [${info.shape.join(",")}] but the convolution implies [${expected.join(",")}]`);
  }
}

/**
 * One spatial axis of a filter gradient computed as a convolution of the input with dy as the filter:
 * dy's taps sit `stride` apart (its dilation) and the filter's taps `dilation` apart (its stride).
 * The input is padded as in the forward pass and at the end just enough to reach the last tap; when the
 * forward pass left input rows unused, the conv yields extra rows, and `size` says how many to keep.
 */
export interface FilterGradAxis {
  padBefore: number;
  padAfter: number;
  /** Rows the conv produces; at least `size`. */
  produced: number;
  size: number;
}

export function filterGradAxis(
  inSize: number,
  padBefore: number,
  outSize: number,
  filterSize: number,
  stride: number,
  dilation: number,
): FilterGradAxis {
  const dySpan = (outSize - 1) * stride + 1;
  const need = (filterSize - 1) * dilation + dySpan;
  const padAfter = Math.max(0, need - inSize - padBefore);
  const produced = Math.floor((padBefore + inSize + padAfter - dySpan) / dilation) + 1;
  return { padBefore, padAfter, produced, size: filterSize };
}

/**
 * One spatial axis of an input gradient computed as a stride-1 convolution of dy, zero-stuffed to
 * `stuffed` rows, with the flipped filter. The forward padding turns into `(filter-1)*dilation - padBefore`
 * rows in front; when that is negative the conv starts early and `offset` rows are cropped from its output.
 */
export interface InputGradAxis {
  padBefore: number;
  padAfter: number;
  produced: number;
  offset: number;
  size: number;
}

export function inputGradAxis(inSize: number, padBefore: number, stuffed: number, filterSize: number, dilation: number): InputGradAxis {
  const reach = (filterSize - 1) * dilation;
  const front = reach - padBefore;
  const before = Math.max(front, 0);
  const offset = Math.max(-front, 0);
  const after = Math.max(0, inSize + offset + reach - stuffed - before);
  return { padBefore: before, padAfter: after, produced: stuffed + before + after - reach, offset, size: inSize };
}

/** Strides or dilations as a pair, the way the kernels' attrs may carry them (number or [h, w]). */
export function pair(value: number | [number, number] | undefined, fallback: number): [number, number] {
  if (value === undefined) return [fallback, fallback];
  return typeof value === "number" ? [value, value] : value;
}

/** The explicit NHWC padding for a conv over two prepared axes: none on batch and channels. */
export function explicitPad(
  rows: { padBefore: number; padAfter: number },
  cols: { padBefore: number; padAfter: number },
): Array<[number, number]> {
  return [
    [0, 0],
    [rows.padBefore, rows.padAfter],
    [cols.padBefore, cols.padAfter],
    [0, 0],
  ];
}
