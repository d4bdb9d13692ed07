// Where each live tensor was made: the op, the layer whose call made it, and the training phase. Built on
// the engine hooks (one listener for made, one for disposed); the phase and layer come from cheap reads of
// state that is already there or that a synchronous wrapper sets:
// - forward: the engine is recording a tape (gradientDepth > 0), or a tfjs-layers Layer.apply is running
// - backward: the tape is still set but no longer recording (engine.gradients' backward tidy); its layer is
//   the one whose forward call recorded the op being differentiated (each tape node's gradient is wrapped)
// - optimizer: inside the model's optimizer.applyGradients (wrapped on the instance)
// - callback: inside a function of the suite's callbacks (wrapped before tfjs sees it), after its awaits too
// - pipeline: anything else while an epoch trains: the data path (dataset iterators, batch slicing in fit)
// - setup: before training started (model, weights, data prepared up front); never reported as a leak
// The op is the innermost op scope (`tf.matMul` runs in scope "matMul__op"); a tensor made outside any op
// (tf.tensor, tf.scalar, data a pipeline uploads) is "tensor", a variable "variable".
import { AsyncLocalStorage } from "node:async_hooks";
import * as tf from "@tensorflow/tfjs-core";
import { layers } from "@tensorflow/tfjs-layers";
import type { TensorPhase } from "@keras-mem-bench/results";
import type { OriginTally, TensorOrigin } from "../cell-protocol.js";
import { onTensorDisposed, onTensorMade, type HookedTensor, type Unsubscribe } from "./engine-hooks.js";
import { LiveTensorTable } from "./live-tensor-table.js";

interface LayerLike {
  name: string;
  constructor: { className?: string; name: string };
}

type ExplicitPhase = "optimizer" | "callback";

export interface OriginTrackerOptions {
  /** Record the top JS frames outside tfjs for every tensor (slow: a stack trace per tensor). */
  stacks?: boolean;
}

// Frames from these places say nothing about the user's code.
const FOREIGN_FRAME = /@tensorflow[+\\/]tfjs-|[\\/]harness[\\/]src[\\/]child[\\/]|node:internal|\(native\)|\(<anonymous>\)/;
const STACK_FRAMES = 3;
// Inside a layer's backward pass the user's frame can sit 40 frames below the engine's.
const STACK_DEPTH = 80;

function userStack(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = STACK_DEPTH;
  const raw = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  const lines = raw.split("\n").slice(1);
  const kept: string[] = [];
  for (const line of lines) {
    if (FOREIGN_FRAME.test(line)) continue;
    kept.push(line.trim().replace(/^at /, ""));
    if (kept.length === STACK_FRAMES) break;
  }
  return kept.join(" ← ");
}

const OP_SCOPE_SUFFIX = "__op";

// Phases as small integers while tensors are made; names only when origins are reported.
const SETUP = 0;
const PIPELINE = 1;
const FORWARD = 2;
const BACKWARD = 3;
const OPTIMIZER = 4;
const CALLBACK = 5;
const NO_PHASE = -1;
const PHASE_NAMES: readonly TensorPhase[] = ["setup", "pipeline", "forward", "backward", "optimizer", "callback"];
const EXPLICIT_PHASES: Record<ExplicitPhase, number> = { optimizer: OPTIMIZER, callback: CALLBACK };

/**
 * Records the origin of every tensor the engine registers while started. One per cell process: the engine,
 * Layer.prototype.apply and the engine hooks are process-wide.
 */
export class TensorOriginTracker {
  private readonly live = new LiveTensorTable();
  /** Every origin seen, by its id (the index). */
  private readonly origins: TensorOrigin[] = [];
  /** Origin ids by layer, op key and phase (the array's index). */
  private readonly byLayer = new Map<LayerLike | null, Map<string, number[]>>();
  /** With stacks: origin ids by a string key that includes the stack. */
  private readonly byStackKey = new Map<string, number>();
  // The last origin resolved and what it was resolved from: consecutive tensors mostly come from the same
  // op in the same layer and phase, so most tensors cost three comparisons here.
  private lastOp = "";
  private lastLayer: LayerLike | null = null;
  private lastPhase = NO_PHASE;
  private lastOrigin = -1;
  // The last scope name seen and its op key (null: not an op's scope); op scope names are one string per op.
  private lastScopeName: string | undefined = undefined;
  private lastScopeOp: string | null = null;
  /** The innermost layer whose apply() is running. */
  private layer: LayerLike | null = null;
  private explicitPhase = NO_PHASE;
  /** Set for the whole of a suite callback, its awaits included: tfjs awaits callbacks, so a later part runs detached. */
  private readonly inCallback = new AsyncLocalStorage<true>();
  private training = false;
  /** Training has started: tensors made from now on count at epoch ends. */
  private counting = false;
  private readonly undo: Unsubscribe[] = [];
  private readonly stacks: boolean;

  constructor(options: OriginTrackerOptions = {}) {
    this.stacks = options.stacks ?? false;
  }

  /** Subscribes to the engine hooks and wraps Layer.prototype.apply. Tensors alive before this have no origin. */
  start(): void {
    if (this.undo.length > 0) return;
    const engine = tf.engine();
    // The listeners read the tensor's id and nothing else of it; see `made`.
    this.undo.push(onTensorMade((tensor, bytes) => this.made(engine, tensor.id, bytes, tensor)));
    this.undo.push(onTensorDisposed((tensor) => this.live.remove(tensor.id)));
    this.undo.push(this.wrapLayerApply());
    this.undo.push(this.wrapTapeNodes(engine));
  }

  stop(): void {
    while (this.undo.length > 0) this.undo.pop()!();
  }

  /** From now on, tensors count as made during training. */
  trainingStarted(): void {
    this.counting = true;
  }

  /** Whether an epoch is training now: decides between "pipeline" and "setup" for tensors made outside the model. */
  setTraining(training: boolean): void {
    this.training = training;
  }

  /** Runs `fn` with tensors it makes (synchronously) attributed to `phase`. */
  inPhase<T>(phase: ExplicitPhase, fn: () => T): T {
    const outer = this.explicitPhase;
    this.explicitPhase = EXPLICIT_PHASES[phase];
    try {
      return fn();
    } finally {
      this.explicitPhase = outer;
    }
  }

  /** Attributes what the optimizer's weight update makes to "optimizer" (an own property shadows the method). */
  wrapOptimizer(optimizer: tf.Optimizer): void {
    const applyGradients = optimizer.applyGradients.bind(optimizer);
    optimizer.applyGradients = (grads) => this.inPhase("optimizer", () => applyGradients(grads));
  }

  /** The same callback functions, each attributing what it makes to "callback", after its awaits too. */
  wrapCallbackFunctions<T extends object>(args: T): T {
    const wrapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) {
      wrapped[key] =
        typeof value === "function"
          ? (...a: unknown[]) =>
              this.inCallback.run(true, () => this.inPhase("callback", () => (value as (...b: unknown[]) => unknown)(...a)))
          : value;
    }
    return wrapped as T;
  }

  /**
   * Tensors made during training still alive now, grouped by origin: call at each epoch end, after the
   * forced GC and the epoch's own sample.
   */
  epochEnd(): OriginTally[] {
    return this.live.liveByOrigin().map(({ origin, count, bytes }) => ({ ...this.origins[origin]!, count, bytes }));
  }

  /** The id of the origin a tensor made right now gets. */
  private originNow(engine: ReturnType<typeof tf.engine>, tensor: HookedTensor): number {
    const state = engine.state;
    const phase =
      this.explicitPhase !== NO_PHASE
        ? this.explicitPhase
        : this.inCallback.getStore() === true
          ? CALLBACK
          : state.gradientDepth > 0
            ? FORWARD
            : state.activeTape != null
              ? BACKWARD
              : this.layer !== null
                ? FORWARD
                : this.training
                  ? PIPELINE
                  : SETUP;
    // Outside an op's scope, one of two constant keys.
    const scopeName = state.activeScope?.name;
    if (scopeName !== this.lastScopeName) {
      this.lastScopeName = scopeName;
      this.lastScopeOp = scopeName !== undefined && scopeName.endsWith(OP_SCOPE_SUFFIX) ? scopeName : null;
    }
    const op = this.lastScopeOp ?? this.plainOp(tensor);
    const layer = this.layer;
    if (this.stacks) return this.originWithStack(phase, op, layer);
    if (op === this.lastOp && layer === this.lastLayer && phase === this.lastPhase) return this.lastOrigin;
    let byOp = this.byLayer.get(layer);
    if (!byOp) this.byLayer.set(layer, (byOp = new Map()));
    let byPhase = byOp.get(op);
    if (!byPhase) byOp.set(op, (byPhase = []));
    const origin = (byPhase[phase] ??= this.newOrigin(phase, op, layer));
    this.lastOp = op;
    this.lastLayer = layer;
    this.lastPhase = phase;
    this.lastOrigin = origin;
    return origin;
  }

  private newOrigin(phase: number, op: string, layer: LayerLike | null, stack?: string): number {
    this.origins.push({
      phase: PHASE_NAMES[phase]!,
      op: op.endsWith(OP_SCOPE_SUFFIX) ? op.slice(0, -OP_SCOPE_SUFFIX.length) : op,
      layer: layer?.name ?? null,
      layerClass: layer ? (layer.constructor.className ?? layer.constructor.name) : null,
      ...(stack === undefined ? {} : { stack }),
    });
    return this.origins.length - 1;
  }

  private originWithStack(phase: number, op: string, layer: LayerLike | null): number {
    const stack = userStack();
    const key = `${phase}|${op}|${layer?.name ?? ""}|${stack}`;
    let origin = this.byStackKey.get(key);
    if (origin === undefined) this.byStackKey.set(key, (origin = this.newOrigin(phase, op, layer, stack)));
    return origin;
  }

  // Reads nothing of the tensor but in `plainOp`, for the few tensors made outside an op. V8 drops optimized
  // code that read the properties of tensors at every full GC (the forced one at each epoch end), as the
  // tensors' hidden classes die with them; code that never reads them stays optimized from epoch to epoch.
  private made(engine: ReturnType<typeof tf.engine>, id: number, bytes: number, tensor: HookedTensor): void {
    // A variable's handle, registered again by the assign that just disposed it, keeps its first origin.
    if (this.live.restore(id)) return;
    this.live.add(id, this.originNow(engine, tensor), bytes, this.counting);
  }

  /** The op key of a tensor made outside any op's scope. */
  private plainOp(tensor: HookedTensor): string {
    return tensor instanceof tf.Variable ? "variable" : "tensor";
  }

  private wrapLayerApply(): Unsubscribe {
    const proto = layers.Layer.prototype as unknown as { apply: (this: LayerLike, ...args: unknown[]) => unknown };
    const original = proto.apply;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the wrapper's own `this` is the layer
    const tracker = this;
    proto.apply = function (this: LayerLike, ...args: unknown[]) {
      const outer = tracker.layer;
      tracker.layer = this;
      try {
        return original.apply(this, args);
      } finally {
        tracker.layer = outer;
      }
    };
    return () => {
      proto.apply = original;
    };
  }

  /**
   * The backward pass runs after every Layer.apply has returned. So that what a gradient makes is attributed
   * to the layer whose forward call recorded the op, each tape node recorded inside a layer gets its gradient
   * wrapped to set that layer again while it runs. Only while origins are recorded: a closure per recorded op.
   */
  private wrapTapeNodes(engine: ReturnType<typeof tf.engine>): Unsubscribe {
    interface TapeNode {
      gradient?: (dys: tf.Tensor[]) => unknown;
    }
    const instance = engine as unknown as { addTapeNode: (...args: unknown[]) => void; state: { activeTape: TapeNode[] | null } };
    const original = instance.addTapeNode;
    if (typeof original !== "function") return () => {};
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the wrapper's own `this` is the engine
    const tracker = this;
    instance.addTapeNode = function (this: typeof instance, ...args: unknown[]) {
      original.apply(this, args);
      const layer = tracker.layer;
      const tape = this.state.activeTape;
      const node = tape?.[tape.length - 1];
      const gradient = node?.gradient;
      if (layer === null || node === undefined || gradient === undefined) return;
      node.gradient = (dys) => {
        const outer = tracker.layer;
        tracker.layer = layer;
        try {
          return gradient(dys);
        } finally {
          tracker.layer = outer;
        }
      };
    };
    return () => {
      instance.addTapeNode = original;
    };
  }
}
