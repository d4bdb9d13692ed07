// Test helpers: both backends in one process, seeded inputs, and the error measure the suite asserts on.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
// tfjs-core's Node bundle registers no gradients; tfjs-layers (like the @tensorflow/tfjs union) does.
import "@tensorflow/tfjs-layers";
import { mulberry32 } from "@keras-mem-bench/results";
import { registerWasmTrainingKernels } from "../src/index.js";

export { tf };

/** Relative L2 error the kernels must meet against the cpu backend. */
export const TOLERANCE = 1e-5;

let ready: Promise<void> | undefined;

/** Loads wasm (Node picks the SIMD, single-thread binary next to the package's JS) and registers the kernels. */
export function initBackends(): Promise<void> {
  ready ??= (async () => {
    // IS_TEST makes the engine check every kernel call for leaked backend data ids (and mutes the tfjs-node banner).
    tf.env().set("IS_TEST", true);
    registerWasmTrainingKernels();
    if (!(await tf.setBackend("wasm"))) throw new Error("wasm backend failed to initialise");
    if (!(await tf.setBackend("cpu"))) throw new Error("cpu backend failed to initialise");
  })();
  return ready;
}

export type BackendName = "cpu" | "wasm";

/** Runs `body` on `backend` and returns its outputs' values; every tensor it made is disposed. */
export async function valuesOn(backend: BackendName, body: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(body);
  const list = Array.isArray(outs) ? outs : [outs];
  const values = await Promise.all(list.map(async (t) => Float32Array.from(await t.data())));
  tf.dispose(list);
  return values;
}

/** Seeded uniform values in [-1, 1): fresh per call, the same on every run. */
export function randomValues(size: number, seed: number): Float32Array {
  const random = mulberry32(seed >>> 0 || 1);
  return Float32Array.from({ length: size }, () => random() * 2 - 1);
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function relativeL2(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} vs ${expected.length}`);
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i]!;
    diff += (actual[i]! - e) ** 2;
    norm += e * e;
  }
  if (norm === 0) throw new Error("expected values are all zero: the comparison would be meaningless");
  return Math.sqrt(diff / norm);
}

/** A fresh base seed per run (override with KMB_TEST_SEED to replay one); failures print the case seed. */
const BASE_SEED = Number(process.env["KMB_TEST_SEED"] ?? Math.floor(Math.random() * 2 ** 31));

/** A seed for one case: different per case and per run, reproducible from the printed value. */
export function seedFor(label: string): number {
  let h = BASE_SEED >>> 0;
  for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export interface KernelComparison {
  /** wasm's relative L2 error against cpu. */
  error: number;
  shape: number[];
  /** wasm data ids still alive after the output and the inputs were disposed. */
  leakedDataIds: number;
}

/** Runs one kernel through the engine on both backends with the same inputs and compares the outputs. */
export async function compareKernel(
  kernelName: string,
  inputs: () => tf.NamedTensorMap,
  attrs: tf.NamedAttrMap,
  cpuReference?: () => tf.Tensor,
): Promise<KernelComparison> {
  const run = () => tf.engine().runKernel(kernelName, inputs(), attrs) as tf.Tensor;
  const [expected] = await valuesOn("cpu", cpuReference ?? run);
  await tf.setBackend("wasm");
  const before = tf.engine().backend.numDataIds();
  let shape: number[] = [];
  const [actual] = await valuesOn("wasm", () => {
    const out = run();
    shape = out.shape;
    return out;
  });
  const leakedDataIds = tf.engine().backend.numDataIds() - before;
  return { error: relativeL2(actual!, expected!), shape, leakedDataIds };
}
