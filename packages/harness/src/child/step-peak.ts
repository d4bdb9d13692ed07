// The high-water mark of live tensors inside one training step. tf.memory() read after a step sees only what
// survived it: the step's activations, gradients and optimizer temporaries are already freed by its tidy.
// The meter listens to every tensor the engine registers and keeps the largest live byte and tensor count
// since the step began, which is exact and the same on every run of the same code.
import * as tf from "@tensorflow/tfjs-core";
import { onTensorMade, type Unsubscribe } from "./engine-hooks.js";

/** One step's figures, in the engine's accounting (tf.memory().numBytes / numTensors). */
export interface StepPeak {
  /** Live tensor bytes when the step began. */
  startBytes: number;
  /** Largest live tensor bytes during the step. */
  peakBytes: number;
  /** Largest live tensor count during the step. */
  peakTensors: number;
}

export class StepPeakMeter {
  private startBytes = 0;
  private peakBytes = 0;
  private peakTensors = 0;
  private unsubscribe: Unsubscribe | undefined;

  /** Starts listening to the engine; until `stop()` every new tensor costs one comparison or two. */
  start(): void {
    if (this.unsubscribe) return;
    const engine = tf.engine();
    this.unsubscribe = onTensorMade(() => {
      // Bytes only rise when a tensor is made, so the maximum is always reached right after one.
      const { state } = engine;
      if (state.numBytes > this.peakBytes) this.peakBytes = state.numBytes;
      if (state.numTensors > this.peakTensors) this.peakTensors = state.numTensors;
    });
    this.beginStep();
  }

  /** Marks the start of a step: the peak restarts from what is live now. */
  beginStep(): void {
    const { state } = tf.engine();
    this.startBytes = state.numBytes;
    this.peakBytes = state.numBytes;
    this.peakTensors = state.numTensors;
  }

  /** The figures since the last `beginStep()` (or `start()`). */
  read(): StepPeak {
    return { startBytes: this.startBytes, peakBytes: this.peakBytes, peakTensors: this.peakTensors };
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/** An epoch's step figures: the largest of its steps, as EpochSample carries them. */
export interface EpochStepPeaks {
  stepPeakBytes: number;
  stepPeakTensors: number;
  /** Largest peakBytes − startBytes of the epoch's steps. */
  activationBytes: number;
}

/** Keeps the largest step figures of one epoch; `take()` hands them over and starts the next epoch. */
export class EpochStepPeaksAccumulator {
  private peaks: EpochStepPeaks | null = null;

  add(step: StepPeak): void {
    const activation = step.peakBytes - step.startBytes;
    if (!this.peaks) {
      this.peaks = { stepPeakBytes: step.peakBytes, stepPeakTensors: step.peakTensors, activationBytes: activation };
      return;
    }
    this.peaks.stepPeakBytes = Math.max(this.peaks.stepPeakBytes, step.peakBytes);
    this.peaks.stepPeakTensors = Math.max(this.peaks.stepPeakTensors, step.peakTensors);
    this.peaks.activationBytes = Math.max(this.peaks.activationBytes, activation);
  }

  /** The epoch's figures (null when it had no step), and a fresh start for the next epoch. */
  take(): EpochStepPeaks | null {
    const peaks = this.peaks;
    this.peaks = null;
    return peaks;
  }
}
