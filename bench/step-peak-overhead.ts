// Benchmark (not a test): what does the step-peak meter cost? Two figures:
// 1. Per tensor: the same loop of small tensors made and disposed, with and without the meter's hook,
//    interleaved; the difference per tensor is what the hook adds (process CPU time, not wall time).
// 2. Per epoch: the same model and pipeline train epochs alternately without the meter (a step callback that
//    does nothing) and with it (hooks installed, the meter reset at every onBatchBegin and read at every
//    onBatchEnd, as the cell process does), in one process, A B B A per round so drift and noise hit both
//    alike. Reported: the median over rounds of (with ÷ without) − 1 of the process's CPU time, and the
//    estimate (ns per tensor × tensors per epoch ÷ epoch CPU time), which a shared machine cannot blur.
//
//   corepack pnpm exec tsx bench/step-peak-overhead.ts [--family dense,lstm,conv,depthwise-conv] [--strategy generator]
//                                                      [--batch 32] [--samples 512] [--rounds 6] [--backend wasm]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { builtInModels, builtInPipelines, setUpBackend, tf, type DatasetStrategy, type LayerFamily } from "@keras-mem-bench/harness";
import { onTensorMade } from "../packages/harness/src/child/engine-hooks.js";
import { StepCallback } from "../packages/harness/src/child/step-callback.js";
import { StepPeakMeter } from "../packages/harness/src/child/step-peak.js";
import { median, positiveIntegers, stringFlags } from "./_options.js";

const SEED = 42;

const { values } = parseArgs({
  options: stringFlags({
    family: "dense,lstm,conv,depthwise-conv",
    strategy: "generator",
    batch: 32,
    samples: 512,
    rounds: 6,
    backend: "wasm",
  }),
});
const { batch: batchSize, samples, rounds } = positiveIntegers(values, ["batch", "samples", "rounds"]);

await setUpBackend(values.backend!);
tf.env().set("PROD", true);
console.log(
  `backend ${values.backend}, ${values.strategy}, batch ${batchSize}, ${samples} samples/epoch, ${rounds} rounds of A B B A; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);

/** CPU ns per tensor of making and disposing `n` scalars, with or without the meter listening. */
function tensorLoopNs(n: number, withMeter: boolean): number {
  const meter = new StepPeakMeter();
  if (withMeter) meter.start();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) tf.scalar(i).dispose();
  const used = process.cpuUsage(start);
  meter.stop();
  return ((used.user + used.system) * 1000) / n;
}

// Per tensor: warm up, then 15 A B B A rounds of 100,000 tensors; the median difference is the hook's cost.
tensorLoopNs(50_000, false);
tensorLoopNs(50_000, true);
const differences: number[] = [];
const bare: number[] = [];
for (let r = 0; r < 15; r++) {
  const a1 = tensorLoopNs(100_000, false);
  const b1 = tensorLoopNs(100_000, true);
  const b2 = tensorLoopNs(100_000, true);
  const a2 = tensorLoopNs(100_000, false);
  differences.push((b1 + b2 - a1 - a2) / 2);
  bare.push((a1 + a2) / 2);
}
const hookNs = Math.max(0, median(differences));
const sorted = [...differences].sort((a, b) => a - b);
console.log(
  `hook: +${hookNs.toFixed(0)} ns CPU per tensor made and disposed, on top of ${median(bare).toFixed(0)} ns without it ` +
    `(median of ${differences.length} rounds; quartiles ${sorted[Math.floor(sorted.length / 4)]!.toFixed(0)} … ${sorted[Math.floor((3 * sorted.length) / 4)]!.toFixed(0)} ns)`,
);

for (const family of values.family!.split(",")) {
  const spec = builtInModels[family as LayerFamily];
  const factory = builtInPipelines[values.strategy as DatasetStrategy];
  if (!spec || !factory) throw new Error(`unknown family "${family}" or strategy "${values.strategy}"`);
  const model = spec.build(SEED);
  const pipeline = factory.create(spec.samples(SEED, samples), { batchSize });
  await pipeline.prepare();

  const meter = new StepPeakMeter();
  const plain = [
    new StepCallback(
      () => {},
      () => {},
    ),
  ];
  const metered = [
    new StepCallback(
      () => meter.beginStep(),
      () => void meter.read(),
    ),
  ];
  const epoch = async (withMeter: boolean): Promise<number> => {
    if (withMeter) meter.start();
    const start = process.cpuUsage();
    await pipeline.fitEpoch(model, withMeter ? metered : plain);
    const used = process.cpuUsage(start);
    meter.stop();
    return (used.user + used.system) / 1000;
  };

  // Warm-up (first-step allocations, JIT), and a count of the tensors one epoch registers.
  await epoch(false);
  let tensors = 0;
  const unsubscribe = onTensorMade(() => tensors++);
  await epoch(false);
  unsubscribe();

  const ratios: number[] = [];
  const without: number[] = [];
  const withIt: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a1 = await epoch(false);
    const b1 = await epoch(true);
    const b2 = await epoch(true);
    const a2 = await epoch(false);
    without.push(a1, a2);
    withIt.push(b1, b2);
    ratios.push((b1 + b2) / (a1 + a2));
  }
  const overhead = median(ratios) - 1;
  const estimate = (hookNs * tensors) / 1e6 / median(without);
  console.log(
    `${family.padEnd(15)} epoch CPU without ${median(without).toFixed(0)} ms, with ${median(withIt).toFixed(0)} ms; ` +
      `measured ${(overhead * 100).toFixed(2)}% (rounds ${ratios.map((x) => ((x - 1) * 100).toFixed(1)).join(", ")} %); ` +
      `${tensors} tensors/epoch × ${hookNs.toFixed(0)} ns = ${((hookNs * tensors) / 1e6).toFixed(2)} ms/epoch, estimate ${(estimate * 100).toFixed(3)}%`,
  );
  await pipeline.dispose();
  model.dispose();
}
