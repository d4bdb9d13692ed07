// Sees every tensor the tfjs engine registers and disposes, on every backend, by wrapping the engine
// instance's two bookkeeping methods:
// - `trackTensor` runs for every new tensor handle: `makeTensor` (tf.tensor, data from a dataset),
//   `makeTensorFromTensorInfo` (every kernel output, forward and backward) and `incRef` (variables
//   when made and on every `assign`, i.e. each optimizer update).
// - `disposeTensor` runs for every disposal: `tensor.dispose()`, `tf.dispose`, the end of a `tidy`,
//   `variable.assign` (the old value) and `disposeVariable`.
// Both are called as `this.trackTensor(...)` / `trackerFn().disposeTensor(...)` on the one global engine,
// so an own property on that instance shadows the prototype's method for every caller. The wrappers read
// the engine's own counters (`state.numBytes`, `state.numTensors`), so figures match `tf.memory()`, and
// nothing of the tensor itself: V8 throws away optimized code that read tensors' properties at each full GC
// (their hidden classes die with them), and the wrappers are inlined into the engine's hottest methods.
// Installed only while someone subscribes: with no subscriber the engine runs its original methods.
import * as tf from "@tensorflow/tfjs-core";

type Engine = ReturnType<typeof tf.engine>;
type TrackTensor = Engine["trackTensor"];
type DisposeTensor = Engine["disposeTensor"];

/** What a subscriber is told about one tensor handle. A plain tf.Tensor satisfies it (no copy is made). */
export interface HookedTensor {
  /** The engine's tensor id (unique per handle, increasing). */
  readonly id: number;
  readonly dtype: tf.DataType;
  readonly shape: readonly number[];
  readonly size: number;
  /** The backend buffer; several handles can share one (reshape, identity, a variable and its value). */
  readonly dataId: object;
}

/**
 * Called synchronously inside the engine, once per tensor handle. `bytes` is what the engine adds to (or
 * removes from) `tf.memory().numBytes` for this handle: size × bytes per element, 0 for string and complex64
 * (the engine counts those separately). Listeners must be O(1), must not throw, and must not create or
 * dispose tensors (that would re-enter the engine's bookkeeping). Keep a reference to `tensor` only if you
 * mean to keep it alive in JS; its memory is the backend's, not the listener's.
 */
export type TensorListener = (tensor: HookedTensor, bytes: number) => void;

/** Removes the listener; calling it twice is harmless. */
export type Unsubscribe = () => void;

interface Installed {
  engine: Engine;
  track: TrackTensor;
  dispose: DisposeTensor;
}

const made: TensorListener[] = [];
const disposed: TensorListener[] = [];
let installed: Installed | undefined;

/** The engine's byte count for one handle (mirrors engine.trackTensor / disposeTensor). */
export function tensorBytes(tensor: HookedTensor): number {
  if (tensor.dtype === "string" || tensor.dtype === "complex64") return 0;
  return tensor.size * tf.util.bytesPerElement(tensor.dtype);
}

function install(): void {
  if (installed) return;
  const engine = tf.engine();
  // Bound originals: the wrappers call them exactly as the engine would.
  const track = engine.trackTensor.bind(engine);
  const dispose = engine.disposeTensor.bind(engine);
  engine.trackTensor = (tensor, backend) => {
    const state = engine.state;
    const before = state.numBytes;
    track(tensor, backend);
    const bytes = state.numBytes - before;
    for (let i = 0; i < made.length; i++) made[i]!(tensor, bytes);
  };
  engine.disposeTensor = (tensor) => {
    const state = engine.state;
    const { numTensors, numBytes, numStringTensors } = state;
    dispose(tensor);
    // The engine ignores a handle whose buffer is already gone; only a real disposal is reported.
    if (state.numTensors === numTensors) return;
    // A string tensor's bytes are counted when its values are written, and reported as 0 (as when made).
    const bytes = state.numStringTensors === numStringTensors ? numBytes - state.numBytes : 0;
    for (let i = 0; i < disposed.length; i++) disposed[i]!(tensor, bytes);
  };
  installed = { engine, track, dispose };
}

function uninstallIfIdle(): void {
  if (!installed || made.length > 0 || disposed.length > 0) return;
  // Deleting the own properties brings back the prototype's methods untouched.
  delete (installed.engine as Partial<Engine>).trackTensor;
  delete (installed.engine as Partial<Engine>).disposeTensor;
  installed = undefined;
}

function subscribe(list: TensorListener[], listener: TensorListener): Unsubscribe {
  list.push(listener);
  install();
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    const at = list.indexOf(listener);
    if (at >= 0) list.splice(at, 1);
    uninstallIfIdle();
  };
}

/** Calls `listener` after the engine registered a new tensor handle (its bytes are already counted). */
export function onTensorMade(listener: TensorListener): Unsubscribe {
  return subscribe(made, listener);
}

/** Calls `listener` after the engine disposed a tensor handle (its bytes are already uncounted). */
export function onTensorDisposed(listener: TensorListener): Unsubscribe {
  return subscribe(disposed, listener);
}

/** Whether the wrappers are on the engine now (some listener is subscribed). */
export function engineHooksInstalled(): boolean {
  return installed !== undefined;
}

/** The engine's live tensor bytes and handle count, read without building a tf.memory() object. */
export function liveTensors(): { bytes: number; count: number } {
  const { state } = tf.engine();
  return { bytes: state.numBytes, count: state.numTensors };
}
