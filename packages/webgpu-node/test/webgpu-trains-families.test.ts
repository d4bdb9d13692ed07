// The webgpu backend on whatever Vulkan device this machine has (lavapipe in CI) trains one tiny model of
// each layer family: loss finite and equal to the cpu backend's, and no tensor left behind between epochs.
// No Vulkan device is a failure whose message says what to install: CI installs lavapipe first.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapterInfo, formatAdapterInfo, registerWebGpuBackend, releaseWebGpuBackend } from "../src/index.js";
import { disposeCell, FAMILIES, tinyCell, trainEpochs, type Family } from "./_tiny-family-models.js";

const EPOCHS = 2;
const cpuLoss = new Map<Family, number>();

beforeAll(async () => {
  // The reference: the same seeded models on the pure-JS backend (about a second for all four).
  await tf.setBackend("cpu");
  for (const family of FAMILIES) {
    const cell = tinyCell(family);
    const records = await trainEpochs(cell, EPOCHS);
    disposeCell(cell);
    cpuLoss.set(family, records[EPOCHS - 1]?.loss ?? Number.NaN);
  }
  await registerWebGpuBackend();
  console.log(`webgpu adapter: ${formatAdapterInfo(await adapterInfo())}`);
}, 60_000);

afterAll(() => {
  releaseWebGpuBackend();
});

describe("webgpu backend trains every layer family", () => {
  it.each(FAMILIES)(
    "%s: finite loss matching cpu, tensors flat across epochs, nothing left after dispose",
    async (family) => {
      expect(tf.getBackend()).toBe("webgpu");
      const before = tf.memory().numTensors;
      const cell = tinyCell(family);
      const records = await trainEpochs(cell, EPOCHS);
      disposeCell(cell);
      console.log(`webgpu ${family}: ${records.map((r) => `epoch ${r.epoch} ${r.ms.toFixed(0)} ms loss ${r.loss.toFixed(5)}`).join(", ")}`);

      for (const record of records) expect(Number.isFinite(record.loss), `epoch ${record.epoch} loss ${record.loss}`).toBe(true);
      const [first, second] = records;
      expect(second?.numTensors, "live tensors after epoch 2 vs epoch 1").toBe(first?.numTensors);
      expect(tf.memory().numTensors, "live tensors after disposing the model and data").toBe(before);
      // float32 on a different device: same maths, different summation order.
      const reference = cpuLoss.get(family) ?? Number.NaN;
      expect(Math.abs((second?.loss ?? Number.NaN) - reference)).toBeLessThan(1e-3 + 1e-2 * Math.abs(reference));
    },
    60_000,
  );
});
