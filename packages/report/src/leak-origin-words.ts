// Leak origins and memory growth of one cell in words, for the terminal notes, the PR comment and the
// dashboard: "+4 tensors/epoch (+8.00 KiB/epoch): 4 from layer keeps_square (KeepsSquare), op square, forward pass".
// Pure; `name` marks up a name taken from the results (identity for plain text, escaped code in markdown).
import type { CellGrowth, GrowthMemory, LeakOrigin, TensorPhase } from "@keras-mem-bench/results";
import { formatBytes } from "@keras-mem-bench/metrics";

const PHASE_WORDS: Record<TensorPhase, string> = {
  setup: "set-up",
  forward: "forward pass",
  backward: "backward pass",
  optimizer: "optimizer update",
  pipeline: "data pipeline",
  callback: "callback",
};

const MEMORY_WORDS: Record<GrowthMemory, string> = {
  retained: "retained (JS heap + external)",
  jsHeap: "JS heap",
  external: "external",
  arrayBuffers: "ArrayBuffers",
  rss: "RSS",
  tensorBytes: "tensor bytes",
  wasmHeap: "wasm memory",
  gpu: "GPU memory",
};

/** At most this many origins (or constructors) are named; the rest are counted. */
export const NAMED_ORIGINS = 5;

type Markup = (name: string) => string;
const plain: Markup = (name) => name;

function count(value: number): string {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 0.005 ? String(rounded) : value.toFixed(2);
}

function signedBytes(bytes: number): string {
  return `${bytes >= 0 ? "+" : ""}${formatBytes(bytes)}`;
}

/** Where one origin's tensors come from: "layer x (Dense), op matMul, forward pass". */
export function originWhere(origin: LeakOrigin, name: Markup = plain): string {
  const parts: string[] = [];
  if (origin.layer !== null) parts.push(`layer ${name(origin.layer)}${origin.layerClass ? ` (${name(origin.layerClass)})` : ""}`);
  parts.push(`op ${name(origin.op)}`, PHASE_WORDS[origin.phase]);
  if (origin.stack) parts.push(`at ${name(origin.stack)}`);
  return parts.join(", ");
}

/** "+16 tensors/epoch (+64.0 KiB/epoch): 16 from layer lstm_1 (LSTM), op …; …"; null when there is no origin. */
export function leakOriginsLine(origins: readonly LeakOrigin[] | undefined, name: Markup = plain): string | null {
  if (!origins || origins.length === 0) return null;
  const tensors = origins.reduce((a, o) => a + o.tensorsPerEpoch, 0);
  const bytes = origins.reduce((a, o) => a + o.bytesPerEpoch, 0);
  const named = origins.slice(0, NAMED_ORIGINS).map((o) => `${count(o.tensorsPerEpoch)} from ${originWhere(o, name)}`);
  const rest = origins.length - NAMED_ORIGINS;
  if (rest > 0) named.push(`${rest} more origin${rest === 1 ? "" : "s"}`);
  return `+${count(tensors)} tensors/epoch (${signedBytes(bytes)}/epoch): ${named.join("; ")}`;
}

/** "retained (JS heap + external) +256 KiB/epoch: external, ArrayBuffers; heap snapshots epochs 3→8: …"; null when nothing to say. */
export function growthLine(growth: CellGrowth | undefined, name: Markup = plain): string | null {
  if (!growth) return null;
  const parts: string[] = [];
  const growing = growth.series.filter((s) => s.growing);
  if (growing.length > 0)
    parts.push(`grows: ${growing.map((s) => `${MEMORY_WORDS[s.memory]} ${signedBytes(s.bytesPerEpoch)}/epoch`).join(", ")}`);
  const heap = growth.heapSnapshots;
  if (heap) {
    const top = heap.constructors
      .slice(0, NAMED_ORIGINS)
      .map((c) => `${name(c.name)} ${signedBytes(c.selfSize)} (${c.count >= 0 ? "+" : ""}${c.count})`);
    parts.push(
      `heap snapshots after epochs ${heap.fromEpoch} and ${heap.toEpoch}, by constructor: ${top.length > 0 ? top.join(", ") : "nothing grew"}`,
    );
  }
  return parts.length > 0 ? parts.join("; ") : null;
}
