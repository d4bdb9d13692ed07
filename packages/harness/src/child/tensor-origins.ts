// Where each live tensor was made: the op, the layer whose call made it, and the training phase. Built on
// the engine hooks (one listener for made, one for disposed); the phase and layer come from cheap reads of
// state that is already there or that a synchronous wrapper sets:
// - forward: the engine is recording a tape (gradientDepth > 0), or a tfjs-layers Layer.apply is running
// - backward: the tape is still set but no longer recording (engine.gradients' backward tidy)
// - optimizer: inside the model's optimizer.applyGradients (wrapped on the instance)
// - callback: inside a function of the suite's callbacks (wrapped before tfjs sees it)
// - pipeline: anything else while an epoch trains: the data path (dataset iterators, batch slicing in fit)
// - setup: before training started (model, weights, data prepared up front); never reported as a leak
// The op is the innermost op scope (`tf.matMul` runs in scope "matMul__op"); a tensor made outside any op
// (tf.tensor, tf.scalar, data a pipeline uploads) is "tensor", a variable "variable".
import * as tf from "@tensorflow/tfjs-core";
import { layers } from "@tensorflow/tfjs-layers";
import type { TensorPhase } from "@keras-mem-bench/results";
import type { OriginTally, TensorOrigin } from "../cell-protocol.js";
import { onTensorDisposed, onTensorMade, type HookedTensor, type Unsubscribe } from "./engine-hooks.js";

interface Birth {
  origin: TensorOrigin;
  bytes: number;
  /** Epoch-end snapshots taken before it was made; −1 when made before training started. */
  generation: number;
}

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

/**
 * Records the origin of every tensor the engine registers while started. One per cell process: the engine,
 * Layer.prototype.apply and the engine hooks are process-wide.
 */
export class TensorOriginTracker {
  private readonly live = new Map<number, Birth>();
  /** A variable's handle is re-registered on every assign; it keeps the origin of its first registration. */
  private readonly variables = new Map<number, Birth>();
  private readonly byLayer = new Map<LayerLike | null, Map<string, Partial<Record<TensorPhase, TensorOrigin>>>>();
  /** With stacks: origins by a string key that includes the stack. */
  private readonly origins = new Map<string, TensorOrigin>();
  private readonly layerStack: LayerLike[] = [];
  private explicitPhase: ExplicitPhase | null = null;
  private training = false;
  private generation = -1;
  private readonly undo: Unsubscribe[] = [];
  private readonly stacks: boolean;

  constructor(options: OriginTrackerOptions = {}) {
    this.stacks = options.stacks ?? false;
  }

  /** Subscribes to the engine hooks and wraps Layer.prototype.apply. Tensors alive before this have no origin. */
  start(): void {
    if (this.undo.length > 0) return;
    const engine = tf.engine();
    this.undo.push(onTensorMade((tensor, bytes) => this.made(engine, tensor, bytes)));
    this.undo.push(onTensorDisposed((tensor) => this.disposed(tensor)));
    this.undo.push(this.wrapLayerApply());
  }

  stop(): void {
    while (this.undo.length > 0) this.undo.pop()!();
  }

  /** From now on, tensors count as made during training (generation 0, before the first epoch end). */
  trainingStarted(): void {
    if (this.generation < 0) this.generation = 0;
  }

  /** Whether an epoch is training now: decides between "pipeline" and "setup" for tensors made outside the model. */
  setTraining(training: boolean): void {
    this.training = training;
  }

  /** Runs `fn` with tensors it makes (synchronously) attributed to `phase`. */
  inPhase<T>(phase: ExplicitPhase, fn: () => T): T {
    const outer = this.explicitPhase;
    this.explicitPhase = phase;
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

  /** The same callback functions, each attributing what it makes to "callback" (synchronous part only). */
  wrapCallbackFunctions<T extends object>(args: T): T {
    const wrapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) {
      wrapped[key] =
        typeof value === "function"
          ? (...a: unknown[]) => this.inPhase("callback", () => (value as (...b: unknown[]) => unknown)(...a))
          : value;
    }
    return wrapped as T;
  }

  /**
   * Tensors made during training still alive now, grouped by origin, then starts a new generation: call
   * at each epoch end, after the forced GC and the epoch's own sample.
   */
  epochEnd(): OriginTally[] {
    const byOrigin = new Map<TensorOrigin, OriginTally>();
    for (const birth of this.live.values()) {
      if (birth.generation < 0) continue;
      const tally = byOrigin.get(birth.origin);
      if (tally) {
        tally.count++;
        tally.bytes += birth.bytes;
      } else byOrigin.set(birth.origin, { ...birth.origin, count: 1, bytes: birth.bytes });
    }
    if (this.generation >= 0) this.generation++;
    return [...byOrigin.values()];
  }

  /** The origin a tensor made right now would get (what the made-listener records). */
  currentOrigin(engine: ReturnType<typeof tf.engine>, tensor: HookedTensor): TensorOrigin {
    const state = engine.state;
    const phase: TensorPhase =
      this.explicitPhase ??
      (state.gradientDepth > 0
        ? "forward"
        : state.activeTape != null
          ? "backward"
          : this.layerStack.length > 0
            ? "forward"
            : this.training
              ? "pipeline"
              : "setup");
    const scope = state.activeScope?.name;
    // The engine's own scope name string is the cache key (no string is built per tensor); outside an op,
    // one of two constant keys.
    const opKey = scope !== undefined && scope.endsWith(OP_SCOPE_SUFFIX) ? scope : tensor instanceof tf.Variable ? "variable" : "tensor";
    const layer = this.layerStack.length > 0 ? this.layerStack[this.layerStack.length - 1]! : null;
    if (this.stacks) return this.originWithStack(phase, opKey, layer);
    // Three small lookups instead of a string key: per tensor this runs tens of thousands of times an epoch.
    let byOp = this.byLayer.get(layer);
    if (!byOp) this.byLayer.set(layer, (byOp = new Map()));
    let byPhase = byOp.get(opKey);
    if (!byPhase) byOp.set(opKey, (byPhase = {}));
    return (byPhase[phase] ??= this.newOrigin(phase, opKey, layer));
  }

  private newOrigin(phase: TensorPhase, opKey: string, layer: LayerLike | null, stack?: string): TensorOrigin {
    return {
      phase,
      op: opKey.endsWith(OP_SCOPE_SUFFIX) ? opKey.slice(0, -OP_SCOPE_SUFFIX.length) : opKey,
      layer: layer?.name ?? null,
      layerClass: layer ? (layer.constructor.className ?? layer.constructor.name) : null,
      ...(stack === undefined ? {} : { stack }),
    };
  }

  private originWithStack(phase: TensorPhase, opKey: string, layer: LayerLike | null): TensorOrigin {
    const stack = userStack();
    const key = `${phase}|${opKey}|${layer?.name ?? ""}|${stack}`;
    let origin = this.origins.get(key);
    if (!origin) this.origins.set(key, (origin = this.newOrigin(phase, opKey, layer, stack)));
    return origin;
  }

  private made(engine: ReturnType<typeof tf.engine>, tensor: HookedTensor, bytes: number): void {
    if (tensor instanceof tf.Variable) {
      const earlier = this.variables.get(tensor.id);
      if (earlier) {
        this.variables.delete(tensor.id);
        this.live.set(tensor.id, earlier);
        return;
      }
    }
    this.live.set(tensor.id, { origin: this.currentOrigin(engine, tensor), bytes, generation: this.generation });
  }

  private disposed(tensor: HookedTensor): void {
    const birth = this.live.get(tensor.id);
    if (birth === undefined) return;
    this.live.delete(tensor.id);
    // An assign disposes the handle and registers it again at once; keep its birth for that.
    if (tensor instanceof tf.Variable) this.variables.set(tensor.id, birth);
  }

  private wrapLayerApply(): Unsubscribe {
    const proto = layers.Layer.prototype as unknown as { apply: (this: LayerLike, ...args: unknown[]) => unknown };
    const original = proto.apply;
    const stack = this.layerStack;
    proto.apply = function (this: LayerLike, ...args: unknown[]) {
      stack.push(this);
      try {
        return original.apply(this, args);
      } finally {
        stack.pop();
      }
    };
    return () => {
      proto.apply = original;
    };
  }
}
