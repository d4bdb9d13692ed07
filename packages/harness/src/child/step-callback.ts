// The boundaries of a training step as tfjs-layers shows them to callbacks.
import { Callback } from "@tensorflow/tfjs-layers";

/**
 * Delimits each training step and lets the cell sample memory after it. fit and fitDataset call onBatchBegin right before
 * the step's synchronous work (forward, backward, optimizer update inside one tidy) and onBatchEnd right after,
 * so the meter's high-water mark between the two is the step's. A plain Callback (not CustomCallback) so tfjs
 * does not resolve the loss each batch, which would add a device sync.
 */
export class StepCallback extends Callback {
  constructor(
    private readonly onBegin: () => void,
    private readonly onEnd: (batch: number) => void,
  ) {
    super();
  }

  override async onBatchBegin(): Promise<void> {
    this.onBegin();
  }

  override async onBatchEnd(batch: number): Promise<void> {
    this.onEnd(batch);
  }
}
