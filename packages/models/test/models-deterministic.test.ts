import { beforeAll, expect, it } from "vitest";
import { builtInModels, LAYER_FAMILIES } from "../src/index.js";
import { useCpu } from "./_cpu.js";

beforeAll(useCpu);

function weightsOf(family: (typeof LAYER_FAMILIES)[number], seed: number): number[][] {
  const model = builtInModels[family].build(seed);
  const values = model.getWeights().map((w) => Array.from(w.dataSync()));
  model.dispose();
  return values;
}

it.each(LAYER_FAMILIES)("%s: the same seed builds the same initial weights, another seed different ones", (family) => {
  const first = weightsOf(family, 3);
  expect(weightsOf(family, 3)).toEqual(first);
  expect(weightsOf(family, 4)).not.toEqual(first);
  // Kernels of layers with equal shapes must not share values (each weight gets its own seed).
  const kernels = first.filter((w) => w.some((v) => v !== 0)).map((w) => w.join(","));
  expect(new Set(kernels).size).toBe(kernels.length);
});

it.each(LAYER_FAMILIES)("%s: samples repeat for a seed, change with it, and cover every class", (family) => {
  const spec = builtInModels[family];
  const a = spec.samples(9, 64);
  const b = spec.samples(9, 64);
  expect(a.xShape).toEqual(spec.inputShape);
  expect(a.yShape).toEqual(spec.targetShape);
  expect(b.sample(17)).toEqual(a.sample(17));
  expect(spec.samples(10, 64).sample(17)).not.toEqual(a.sample(17));
  const seen = new Set<number>();
  for (let i = 0; i < a.count; i++) {
    const { y } = a.sample(i);
    expect(y.reduce((s, v) => s + v, 0)).toBe(1); // one-hot
    seen.add(y.indexOf(1));
  }
  expect(seen.size).toBe(spec.classes);
});

it.each(LAYER_FAMILIES)("%s: the model takes inputShape and emits targetShape, compiled", (family) => {
  const spec = builtInModels[family];
  const model = spec.build(1);
  expect(model.inputs[0]!.shape).toEqual([null, ...spec.inputShape]);
  expect(model.outputs[0]!.shape).toEqual([null, ...spec.targetShape]);
  expect(model.optimizer).toBeDefined();
  expect(spec.family).toBe(family);
  model.dispose();
});
