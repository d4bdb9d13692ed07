// Epoch times of the real built-in models (packages/models) on one backend, in-memory strategy:
//   tsx bench/models-epochs.ts webgpu|wasm [epochs] [samples] [batchSize]
// A benchmark, not a test: prints numbers for the README. One backend per process.
import * as tf from "@tensorflow/tfjs-core";
import { builtInModels, LAYER_FAMILIES } from "@keras-mem-bench/models";
import { builtInPipelines } from "@keras-mem-bench/pipelines";
import { useBackend } from "./_use-backend.js";

const backend = process.argv[2] ?? "webgpu";
const epochs = Number(process.argv[3] ?? "3");
const samples = Number(process.argv[4] ?? "512");
const batchSize = Number(process.argv[5] ?? "32");

const release = await useBackend(backend);
console.log(`${tf.getBackend()}: ${samples} samples, batch ${batchSize}, ${epochs} epochs, in-memory`);

for (const family of LAYER_FAMILIES) {
  const spec = builtInModels[family];
  const model = spec.build(42);
  const pipeline = builtInPipelines["in-memory"].create(spec.samples(42, samples), { batchSize });
  await pipeline.prepare();
  const times: string[] = [];
  const tensors: number[] = [];
  let loss = Number.NaN;
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const start = performance.now();
      const history = await pipeline.fitEpoch(model);
      times.push(`${(performance.now() - start).toFixed(0)}`);
      tensors.push(tf.memory().numTensors);
      loss = Number(history.history["loss"]?.[0]);
    }
  } finally {
    await pipeline.dispose();
    model.dispose();
  }
  console.log(`${family.padEnd(15)} ms/epoch ${times.join(" ")}  loss ${loss.toFixed(4)}  tensors ${tensors.join(",")}`);
}
release();
