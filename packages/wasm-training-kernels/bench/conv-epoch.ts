// Benchmark (not a test): one small CNN trained for the same epochs on `cpu` and on `wasm` + the
// package's kernels, each backend in its own child process, then epoch times and the cpu/wasm ratio.
//
//   corepack pnpm exec tsx bench/conv-epoch.ts [--epochs 1] [--samples 2048] [--batch 64]
//   corepack pnpm --filter @keras-mem-bench/wasm-training-kernels bench
//
// Same model (28×28×1 → conv 8 3×3 same → pool → conv 16 3×3 same → pool → dense 10), same seeded
// weights and data in both processes; the first-epoch losses printed side by side show they did the same work.
import { spawn } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import * as tfWasm from "@tensorflow/tfjs-backend-wasm";
import * as tfl from "@tensorflow/tfjs-layers";
import { mulberry32 } from "@keras-mem-bench/results";
import { registerWasmTrainingKernels } from "../src/index.js";

type Backend = "cpu" | "wasm";

interface Options {
  epochs: number;
  samples: number;
  batch: number;
}

interface ChildResult {
  backend: Backend;
  epochMs: number[];
  losses: number[];
  /** Sum of the initial weights: equal in both processes when they start from the same model. */
  initialWeightSum: number;
  wasmBinary?: string;
  wasmThreads?: number;
}

const SEED = 42;

function parseOptions(argv: string[]): Options {
  const options: Options = { epochs: 1, samples: 2048, batch: 64 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--child") {
      i++;
      continue;
    }
    const key = flag?.replace(/^--/, "");
    if (key !== "epochs" && key !== "samples" && key !== "batch")
      throw new Error(`unknown option ${flag}; expected --epochs, --samples or --batch`);
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${key} must be a positive integer, got ${argv[i]}`);
    options[key] = value;
  }
  return options;
}

/** Seeded uniform [0, 1), so both processes train on the same bytes. */
function uniform(size: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: size }, random);
}

async function child(backend: Backend, options: Options): Promise<ChildResult> {
  tf.env().set("PROD", true);
  if (backend === "wasm") registerWasmTrainingKernels();
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialise`);

  const init = (i: number) => tfl.initializers.glorotUniform({ seed: SEED + i });
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 8,
        kernelSize: 3,
        padding: "same",
        activation: "relu",
        kernelInitializer: init(1),
      }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({ filters: 16, kernelSize: 3, padding: "same", activation: "relu", kernelInitializer: init(2) }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 10, activation: "softmax", kernelInitializer: init(3) }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.05), loss: "categoricalCrossentropy" });
  const initialWeightSum = model.getWeights().reduce((sum, w) => sum + tf.tidy(() => tf.sum(w).dataSync()[0] ?? 0), 0);

  const xs = tf.tensor4d(uniform(options.samples * 28 * 28, SEED), [options.samples, 28, 28, 1]);
  const labels = Int32Array.from(uniform(options.samples, SEED + 1), (u) => Math.floor(u * 10));
  const ys = tf.oneHot(tf.tensor1d(labels, "int32"), 10);

  const epochMs: number[] = [];
  let started = 0;
  const history = await model.fit(xs, ys, {
    epochs: options.epochs,
    batchSize: options.batch,
    shuffle: false,
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => void (started = performance.now()),
      onEpochEnd: async () => void epochMs.push(performance.now() - started),
    },
  });
  const result: ChildResult = { backend, epochMs, losses: history.history["loss"] as number[], initialWeightSum };
  if (backend === "wasm") {
    const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
    result.wasmBinary = threads && simd ? "threaded-simd" : simd ? "simd" : "plain";
    result.wasmThreads = tfWasm.getThreadsCount();
  }
  return result;
}

function runChild(backend: Backend, argv: string[]): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url);
  // execArgv carries tsx's loader flags, so the child runs this TypeScript file the same way.
  const proc = spawn(process.execPath, [...process.execArgv, script, "--child", backend, ...argv], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    proc.on("error", reject);
    proc.on("close", (code, signal) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`${backend} child exited with ${code ?? signal}:\n${out}`));
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`${backend} child printed no result:\n${out}`));
      }
    });
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  const childAt = argv.indexOf("--child");
  if (childAt >= 0) {
    const backend = argv[childAt + 1];
    if (backend !== "cpu" && backend !== "wasm") throw new Error(`--child must be cpu or wasm, got ${backend}`);
    process.stdout.write(`${JSON.stringify(await child(backend, options))}\n`);
    return;
  }
  const cpu0 = cpus()[0];
  console.log(
    `small CNN, ${options.samples} samples 28×28×1, batch ${options.batch}, ${options.epochs} epoch(s); node ${process.version}, ${cpus().length}× ${cpu0?.model ?? "unknown cpu"}`,
  );
  // One at a time: the two processes must not compete for the same cores.
  const wasm = await runChild("wasm", argv);
  console.log(`wasm done (${wasm.wasmBinary} binary, ${wasm.wasmThreads} thread(s)); running cpu, which takes minutes…`);
  const cpu = await runChild("cpu", argv);
  for (const r of [cpu, wasm]) {
    console.log(
      `${r.backend.padEnd(5)} epoch s: ${r.epochMs.map(seconds).join(", ").padEnd(12)} mean ${seconds(mean(r.epochMs))} s   ` +
        `loss: ${r.losses.map((l) => l.toFixed(5)).join(", ")}   initial weight sum ${r.initialWeightSum.toFixed(6)}`,
    );
  }
  console.log(`cpu/wasm epoch time ratio: ${(mean(cpu.epochMs) / mean(wasm.epochMs)).toFixed(1)}×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
