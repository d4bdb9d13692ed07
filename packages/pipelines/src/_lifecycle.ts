/** Guards the prepare → fitEpoch* → dispose order so misuse fails with a message instead of a tfjs error. */
export class Lifecycle {
  private state: "new" | "prepared" | "disposed" = "new";

  constructor(private readonly strategy: string) {}

  beginPrepare(): void {
    if (this.state !== "new") throw new Error(`${this.strategy}: prepare() called on a pipeline that is already ${this.state}`);
  }

  prepared(): void {
    this.state = "prepared";
  }

  assertReady(): void {
    if (this.state !== "prepared") {
      throw new Error(`${this.strategy}: fitEpoch() needs prepare() first and no dispose(); the pipeline is ${this.state}`);
    }
  }

  /** Returns false when already disposed, so dispose() can be called twice. */
  dispose(): boolean {
    const wasDisposed = this.state === "disposed";
    this.state = "disposed";
    return !wasDisposed;
  }
}
