// Trains one cell inside its own process: model + pipeline on a backend, epochs timed by tinybench,
// a memory sample after every batch and every epoch, each sent to the parent the moment it is taken.
import { parameterCount, type ModelSpec } from "@keras-mem-bench/models";
import type { PipelineFactory } from "@keras-mem-bench/pipelines";
import type { ComputeDevice, EpochTiming } from "@keras-mem-bench/results";
import * as tf from "@tensorflow/tfjs-core";
import { CustomCallback, type CustomCallbackArgs, type History, type LayersModel } from "@tensorflow/tfjs-layers";
import { Bench } from "tinybench";
import { setUpBackend } from "./backend-setup.js";
import { DEFAULT_DIAGNOSTICS, type CellMessage, type CellTask } from "../cell-protocol.js";
import { heapSummaryNow } from "./heap-snapshot.js";
import { MemoryPartsRecorder } from "./memory-parts.js";
import { backendBytes, batchSample, epochSample, maxRssBytes } from "./samplers.js";
import { StepCallback } from "./step-callback.js";
import { EpochStepPeaksAccumulator, StepPeakMeter, type StepPeak } from "./step-peak.js";
import { TensorOriginTracker } from "./tensor-origins.js";
import type { CellContext, SuiteConfig } from "../suite/suite-config.js";
import { loadSuite } from "../suite/suite-load.js";

export type SendMessage = (message: CellMessage) => void;
/** Resolves once every message sent so far has been written to the parent. */
export type MessagesDelivered = () => Promise<void>;

function lossOf(history: History): number | null {
  const loss = history.history["loss"]?.[0];
  return typeof loss === "number" && Number.isFinite(loss) ? loss : null;
}

function userCallbacks(args: CustomCallbackArgs | CustomCallbackArgs[] | undefined, origins: TensorOriginTracker | null): CustomCallback[] {
  if (args === undefined) return [];
  return (Array.isArray(args) ? args : [args]).map((a) => new CustomCallback(origins ? origins.wrapCallbackFunctions(a) : a));
}

export interface PreparedCell {
  /** Builds model and pipeline, trains every epoch and reports; throws what went wrong. */
  train(send: SendMessage, delivered: MessagesDelivered): Promise<void>;
  computeDevice: ComputeDevice | null;
}

/** The part of a cell that does not depend on "go": suite, model spec, pipeline factory, backend. */
export async function prepareCell(task: CellTask): Promise<PreparedCell> {
  const { cell } = task;
  const suite = await loadSuite(task.suiteFile, { quick: task.quick });
  const spec = suite.families.find((f) => f.family === cell.family);
  if (!spec) throw new Error(`${task.suiteFile}: no family "${cell.family}" in this suite`);
  const factory = suite.strategies.find((s) => s.strategy === cell.strategy);
  if (!factory) throw new Error(`${task.suiteFile}: no strategy "${cell.strategy}" in this suite`);
  const backend = await setUpBackend(cell.backend);
  // Production mode: no per-op debug checks; what is measured is how users train.
  tf.env().set("PROD", true);
  return { train: (send, delivered) => train(task, spec, factory, suite.callbacks, send, delivered), computeDevice: backend.device };
}

async function train(
  task: CellTask,
  spec: ModelSpec,
  factory: PipelineFactory,
  userHook: SuiteConfig["callbacks"],
  send: SendMessage,
  delivered: MessagesDelivered,
): Promise<void> {
  const { cell } = task;
  const diagnostics = task.diagnostics ?? DEFAULT_DIAGNOSTICS;
  const setupStart = performance.now();
  // Started before the model and data exist, so every tensor has a birth; those made before training are "setup".
  const origins = diagnostics.origins ? new TensorOriginTracker({ stacks: diagnostics.originStacks }) : null;
  origins?.start();
  let model: LayersModel | undefined;
  const meter = new StepPeakMeter();
  const parts = new MemoryPartsRecorder();
  const pipeline = factory.create(spec.samples(task.seed, task.samplesPerEpoch), {
    batchSize: cell.batchSize,
    ...(task.tmpDir === null ? {} : { tmpDir: task.tmpDir }),
  });
  try {
    model = spec.build(task.seed);
    parts.beforeData(model);
    if (origins && model.optimizer) origins.wrapOptimizer(model.optimizer);
    await pipeline.prepare();
    parts.afterPrepare();

    let epoch = 0;
    let trainStart = 0;
    const builtModel = model;
    const context: CellContext = {
      tf,
      cell: { ...cell },
      model: builtModel,
      epochs: task.epochs,
      samplesPerEpoch: task.samplesPerEpoch,
      currentEpoch: () => epoch,
    };
    const epochPeaks = new EpochStepPeaksAccumulator();
    let backendPeakBytes: number | null = null;
    const noteBackend = () => {
      const bytes = backendBytes();
      if (bytes !== null && (backendPeakBytes === null || bytes > backendPeakBytes)) backendPeakBytes = bytes;
    };
    const stepBegan = () => {
      meter.beginStep();
      parts.stepBegan(meter.read().startBytes);
    };
    const stepEnded = (batch: number) => {
      const step: StepPeak = meter.read();
      epochPeaks.add(step);
      noteBackend();
      send({ type: "batch", sample: batchSample(epoch, batch, performance.now() - trainStart, step) });
    };
    const callbacks = [new StepCallback(stepBegan, stepEnded), ...userCallbacks(userHook?.(context), origins)];
    meter.start();

    send({
      type: "ready",
      setupMs: performance.now() - setupStart,
      parameterCount: parameterCount(builtModel),
      batchesPerEpoch: pipeline.batchesPerEpoch,
    });

    // One tinybench task, one iteration per epoch, no warm-up iterations: the epochs are the measurement.
    // The epoch sample (forced GC) runs in afterEach, outside the timed window.
    let epochStart = 0;
    let epochTime = 0;
    let epochCpu: NodeJS.CpuUsage = { user: 0, system: 0 };
    let history: History | undefined;
    const bench = new Bench({ iterations: task.epochs, time: 0, warmup: false, retainSamples: true, throws: true });
    bench.add(
      "epoch",
      async () => {
        epoch++;
        history = undefined;
        const cpuStart = process.cpuUsage();
        epochStart = performance.now();
        if (epoch === 1) trainStart = epochStart;
        origins?.trainingStarted();
        origins?.setTraining(true);
        try {
          history = await pipeline.fitEpoch(builtModel, callbacks);
        } finally {
          origins?.setTraining(false);
        }
        epochTime = performance.now() - epochStart;
        epochCpu = process.cpuUsage(cpuStart);
      },
      {
        async afterEach() {
          // afterEach also runs after a failed epoch; only a finished one gets a sample.
          const peaks = epochPeaks.take();
          if (!history) return;
          // An epoch is one chain of promises: the event loop never reaches I/O, so the step messages of the
          // epoch are still queued in this process (a few hundred bytes each). Let them go before the sample, or the
          // cell's heap would grow by its own reports, epoch after epoch. Outside the timed epoch.
          await delivered();
          noteBackend();
          const time = { timeMs: epochTime, cpuTimeMs: (epochCpu.user + epochCpu.system) / 1000 };
          const sample = epochSample(epoch, time, performance.now() - trainStart, lossOf(history), task.forcedGc, {
            peaks,
            backendPeakBytes,
          });
          const tallies = origins?.epochEnd();
          send({ type: "epoch", sample, ...(tallies ? { origins: tallies } : {}) });
          send({ type: "parts", memoryParts: parts.parts() });
          // After the sample, so the snapshot's own allocations do not show in this epoch's figures.
          if (diagnostics.heapSnapshotEpochs.includes(epoch)) send({ type: "heap", epoch, summary: await heapSummaryNow() });
        },
      },
    );
    await bench.run();
    send({ type: "done", timing: timingOf(bench, task.samplesPerEpoch), maxRssBytes: maxRssBytes() });
  } finally {
    meter.stop();
    await pipeline.dispose();
    model?.dispose();
    origins?.stop();
  }
}

function timingOf(bench: Bench, samplesPerEpoch: number): EpochTiming | null {
  const result = bench.tasks[0]?.result;
  if (!result || (result.state !== "completed" && result.state !== "aborted-with-statistics")) return null;
  const { latency } = result;
  return {
    meanMs: latency.mean,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    minMs: latency.min,
    maxMs: latency.max,
    sdMs: Number.isFinite(latency.sd) ? latency.sd : 0,
    samplesPerSecond: latency.mean > 0 ? (samplesPerEpoch * 1000) / latency.mean : 0,
  };
}
