// Prints per-family epoch times of the tiny test models on one backend (a benchmark, not a test):
//   tsx bench/family-epochs.ts webgpu|wasm|cpu [epochs]
// Run one backend per process so each starts from a clean heap.
import * as tf from "@tensorflow/tfjs-core";
import { disposeCell, FAMILIES, tinyCell, trainEpochs } from "../test/_tiny-family-models.js";
import { useBackend } from "./_use-backend.js";

const backend = process.argv[2] ?? "webgpu";
const epochs = Number(process.argv[3] ?? "3");

const release = await useBackend(backend);

const start = performance.now();
for (const family of FAMILIES) {
  const cell = tinyCell(family);
  const records = await trainEpochs(cell, epochs);
  disposeCell(cell);
  const times = records.map((r) => `${r.ms.toFixed(0)}ms`).join(" ");
  const last = records[records.length - 1];
  console.log(
    `${tf.getBackend()} ${family.padEnd(15)} epochs: ${times}  loss ${last?.loss.toFixed(4)}  tensors ${records.map((r) => r.numTensors).join(",")}`,
  );
}
console.log(`total ${(performance.now() - start).toFixed(0)}ms`);
release();
