import { describe, expect, it } from "vitest";
import { evaluateClaims, type ClaimId, type ClaimResult } from "../src/index.js";
import { claimCell, results, type ClaimCellOptions } from "./_claims.js";

function claim(id: ClaimId, cells: ClaimCellOptions[]): ClaimResult {
  const found = evaluateClaims(results(cells.map(claimCell))).find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
}

// 65,536 dense samples at 800 B = 50 MiB of dataset tensors in the in-memory cell.
const inMemory = (o: ClaimCellOptions = {}): ClaimCellOptions => ({
  strategy: "in-memory",
  datasetMiB: 50,
  betweenStepsMiB: 50,
  peakRssMiB: 280,
  ...o,
});
const generator = (o: ClaimCellOptions = {}): ClaimCellOptions => ({
  strategy: "generator",
  datasetMiB: 0,
  betweenStepsMiB: 0.05,
  peakRssMiB: 170,
  samplesPerSecond: 6000,
  ...o,
});
const tfData = (o: ClaimCellOptions = {}): ClaimCellOptions => ({
  strategy: "tf-data",
  datasetMiB: 0,
  betweenStepsMiB: 0.1,
  peakRssMiB: 175,
  samplesPerSecond: 5800,
  ...o,
});

describe("whole-array loading holds the dataset", () => {
  const id = "whole-array-holds-dataset";
  it("holds when the dataset stays as tensors and peak RSS shows at least half of it", () => {
    const c = claim(id, [inMemory(), generator()]);
    expect(c.verdict).toBe("holds");
    expect(c.cells).toEqual(["dense/in-memory/b64/wasm", "dense/generator/b64/wasm"]);
    expect(c.figures[0]).toBe("dense/in-memory/b64/wasm: 50.0 MiB of dataset tensors after prepare (65,536 samples, 800 B each)");
  });
  it("partly when the tensors are held but RSS cannot tell the strategies apart (a small data set)", () => {
    expect(claim(id, [inMemory({ datasetMiB: 0.8, peakRssMiB: 172 }), generator()]).verdict).toBe("partly");
  });
  it("does not hold when in-memory holds no more dataset tensors than a streaming strategy", () => {
    expect(claim(id, [inMemory({ datasetMiB: 0 }), generator()]).verdict).toBe("does not hold");
  });
  it("is not measured without memory parts (a version-1 file) or without a streaming cell on the same work", () => {
    expect(claim(id, [{ strategy: "in-memory" }, { strategy: "generator" }]).verdict).toBe("not measured here");
    expect(claim(id, [inMemory(), generator({ batchSize: 32 })]).verdict).toBe("not measured here");
    expect(claim(id, [inMemory(), generator({ samplesPerEpoch: 1024 })]).reason).toMatch(/same model, batch size and data set size/);
  });
  it("compares RSS above each process's own baseline, so a process that started higher does not decide it", () => {
    // Same work, but the generator's process started 60 MiB higher (a loaded machine): raw peaks differ by 50 MiB, the rise by 110 MiB.
    const c = claim(id, [inMemory({ peakRssMiB: 260, baselineMiB: 150 }), generator({ peakRssMiB: 210, baselineMiB: 210 })]);
    expect(c.verdict).toBe("holds");
    expect(c.figures[2]).toBe("peak RSS above baseline: in-memory 110 MiB vs 0 B for generator (+110 MiB)");
    expect(c.figures[3]).toBe("peak RSS: in-memory 260 MiB (baseline 150 MiB), generator 210 MiB (baseline 210 MiB)");
  });
  it("uses the largest data set when there are several", () => {
    const c = claim(id, [
      inMemory({ samplesPerEpoch: 1024, datasetMiB: 0.8, peakRssMiB: 171 }),
      generator({ samplesPerEpoch: 1024 }),
      inMemory({ batchSize: 256 }),
      generator({ batchSize: 256 }),
    ]);
    expect(c.cells[0]).toBe("dense/in-memory/b256/wasm");
    expect(c.verdict).toBe("holds");
  });
});

describe("generators keep memory to a batch", () => {
  const id = "generator-keeps-a-batch";
  it("holds when tensors stay within two batches and prepare keeps little JS memory", () => {
    const c = claim(id, [inMemory(), generator()]);
    expect(c.verdict).toBe("holds");
    expect(c.figures[0]).toBe("one batch of 64 = 50.0 KiB; the whole dataset = 50.0 MiB");
  });
  it("partly when the tensors are a batch but the data set sits in JS memory", () => {
    expect(claim(id, [inMemory(), generator({ retainedMiB: 40 })]).verdict).toBe("partly");
  });
  it("does not hold when the generator keeps more than two batches of tensors", () => {
    expect(claim(id, [inMemory(), generator({ betweenStepsMiB: 1 })]).verdict).toBe("does not hold");
  });
  it("is not measured without an in-memory cell to weigh a batch", () => {
    expect(claim(id, [generator(), tfData()]).verdict).toBe("not measured here");
  });
});

describe("tf.data batch + prefetch is best", () => {
  const id = "tf-data-is-best";
  it("holds when its peak RSS ties the lowest and its throughput the highest", () => {
    expect(claim(id, [inMemory({ samplesPerSecond: 6100 }), generator(), tfData()]).verdict).toBe("holds");
  });
  it("partly when memory ties but throughput falls behind (tf.data's per-batch work)", () => {
    const c = claim(id, [inMemory({ samplesPerSecond: 6100 }), generator(), tfData({ samplesPerSecond: 2400 })]);
    expect(c.verdict).toBe("partly");
    expect(c.reason).toBe("peak RSS above baseline within 16.0 MiB of the lowest (generator); throughput 39% of in-memory's");
  });
  it("does not hold when it uses more memory and is slower", () => {
    expect(claim(id, [generator(), tfData({ peakRssMiB: 260, samplesPerSecond: 2400 })]).verdict).toBe("does not hold");
  });
  it("is not measured without another strategy on the same work", () => {
    expect(claim(id, [tfData(), generator({ family: "lstm" })]).verdict).toBe("not measured here");
  });
});

describe("memory grows with batch size", () => {
  const id = "memory-grows-with-batch";
  const at = (family: string, batchSize: number, stepPeakMiB: number): ClaimCellOptions => ({
    family,
    batchSize,
    stepPeakMiB,
    activationMiB: stepPeakMiB / 2,
  });
  it("holds when every family's step peak rises with every larger batch, with the bytes per sample", () => {
    const c = claim(id, [at("lstm", 16, 3.75), at("lstm", 64, 12), at("lstm", 256, 44), at("dense", 16, 1), at("dense", 256, 1.5)]);
    expect(c.verdict).toBe("holds");
    expect(c.figures).toContain("lstm (generator): step peak 3.75 MiB / 12.0 MiB / 44.0 MiB at b16/64/256, 172 KiB per sample");
  });
  it("partly when some families' step peak does not rise", () => {
    expect(claim(id, [at("lstm", 16, 4), at("lstm", 64, 12), at("dense", 16, 1), at("dense", 64, 1)]).verdict).toBe("partly");
  });
  it("does not hold when no family's step peak rises", () => {
    expect(claim(id, [at("dense", 16, 1), at("dense", 64, 1)]).verdict).toBe("does not hold");
  });
  it("is not measured without step peaks at two batch sizes", () => {
    expect(claim(id, [at("dense", 16, 1), { family: "dense", batchSize: 64 }]).verdict).toBe("not measured here");
  });
});

describe("LSTM vs dense per sample", () => {
  const id = "lstm-hungrier-than-dense";
  const pair = (lstm: number, dense: number, batchSize = 64): ClaimCellOptions[] => [
    { family: "lstm", batchSize, activationMiB: lstm, parameterCount: 5000 },
    { family: "dense", batchSize, activationMiB: dense, parameterCount: 15000 },
  ];
  it("holds when lstm activations per sample are at least twice dense's at every batch size", () => {
    const c = claim(id, [...pair(10, 0.5), ...pair(40, 1, 256)]);
    expect(c.verdict).toBe("holds");
    expect(c.figures[0]).toBe("b64: activations per sample lstm 160 KiB vs dense 8.00 KiB (20×)");
  });
  it("partly when above dense but under twice somewhere", () => {
    expect(claim(id, [...pair(10, 0.5), ...pair(1.5, 1, 256)]).verdict).toBe("partly");
  });
  it("does not hold when lstm needs no more than dense", () => {
    expect(claim(id, pair(1, 1)).verdict).toBe("does not hold");
  });
  it("is not measured without both families at one batch size", () => {
    expect(claim(id, [pair(10, 1)[0]!, pair(10, 1, 256)[1]!]).verdict).toBe("not measured here");
  });
});

describe("depthwise-separable vs conv", () => {
  const id = "depthwise-cheaper-than-conv";
  const pair = (params: [number, number], activations: [number, number]): ClaimCellOptions[] => [
    { family: "depthwise-conv", parameterCount: params[0], activationMiB: activations[0] },
    { family: "conv", parameterCount: params[1], activationMiB: activations[1] },
  ];
  it("holds with fewer parameters and no more activations", () => {
    expect(claim(id, pair([5600, 10000], [5, 6])).verdict).toBe("holds");
  });
  it("partly with fewer parameters but more activations, and says which is which", () => {
    const c = claim(id, pair([5600, 10000], [6.6, 6]));
    expect(c.verdict).toBe("partly");
    expect(c.reason).toBe("depthwise-separable has fewer parameters and more activation memory per step at every batch size than conv");
    expect(c.figures[0]).toBe("parameters: depthwise-conv 5,600 vs conv 10,000 (44% fewer)");
  });
  it("does not hold with neither fewer parameters nor fewer activations", () => {
    expect(claim(id, pair([10000, 10000], [7, 6])).verdict).toBe("does not hold");
  });
  it("is not measured without both families", () => {
    expect(claim(id, [{ family: "conv", activationMiB: 6 }]).verdict).toBe("not measured here");
  });
});

describe("fit grows until it crashes", () => {
  const id = "fit-grows-until-crash";
  it("holds when a judged cell keeps growing", () => {
    expect(claim(id, [{ verdict: "growing" }, { family: "lstm" }]).verdict).toBe("holds");
  });
  it("partly when nothing grows but whole-array loading crossed the memory limit while streaming fit", () => {
    const c = claim(id, [
      inMemory({ batchSize: 256, crashedWith: "KMB_MAX_RSS" }),
      generator({ batchSize: 256 }),
      tfData({ batchSize: 256 }),
    ]);
    expect(c.verdict).toBe("partly");
    expect(c.reason).toMatch(
      /whole-array loading pushed dense\/in-memory\/b256\/wasm over its limit while the streaming strategies on the same work fit/,
    );
    expect(c.cells).toEqual(["dense/in-memory/b256/wasm", "dense/generator/b256/wasm", "dense/tf-data/b256/wasm"]);
  });
  it("does not hold when every judged cell is stable and none crashed", () => {
    expect(claim(id, [{}, { family: "lstm" }]).verdict).toBe("does not hold");
  });
  it("is not measured when no cell could be judged", () => {
    expect(claim(id, [{ verdict: null }]).verdict).toBe("not measured here");
  });
});

describe("GPU memory growth", () => {
  const id = "gpu-memory-growth";
  const gpuPair = (on: number, off: number, batchSize = 64): ClaimCellOptions[] => [
    { backend: "tensorflow", gpuMemoryGrowth: true, peakGpuMiB: on, batchSize },
    { backend: "tensorflow", gpuMemoryGrowth: false, peakGpuMiB: off, batchSize },
  ];
  it("is not measured on wasm, and says it needs the tensorflow GPU backend", () => {
    const c = claim(id, [{}]);
    expect(c.verdict).toBe("not measured here");
    expect(c.reason).toBe(
      "needs the tensorflow backend (@tensorflow/tfjs-node-gpu) on a CUDA GPU, with cells at --gpu-memory-growth on and off; this run has backends wasm and no GPU (the allocator setting exists only in TensorFlow's GPU allocator)",
    );
  });
  it("holds when growth on takes far less GPU memory than off", () => {
    expect(claim(id, gpuPair(900, 78000)).verdict).toBe("holds");
  });
  it("partly when only some cells save GPU memory", () => {
    expect(claim(id, [...gpuPair(900, 78000), ...gpuPair(70000, 78000, 256)]).verdict).toBe("partly");
  });
  it("does not hold when growth on takes about as much", () => {
    expect(claim(id, gpuPair(70000, 78000)).verdict).toBe("does not hold");
  });
});
