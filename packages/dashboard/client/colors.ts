// Fixed colours per strategy, so "generator is blue" holds on every chart of the page.
import type { Attention, CellState } from "../src/model-types.js";

const STRATEGY_COLORS: Record<string, string> = {
  "in-memory": "#e8590c",
  generator: "#1c7ed6",
  "tf-data": "#2f9e44",
  "file-stream": "#7048e8",
};
const EXTRA = ["#c2255c", "#0c8599", "#e67700", "#5c940d", "#862e9c", "#495057"];

export function strategyColor(strategy: string, strategies: readonly string[]): string {
  const known = STRATEGY_COLORS[strategy];
  if (known) return known;
  const unknown = strategies.filter((s) => !(s in STRATEGY_COLORS));
  return EXTRA[Math.max(0, unknown.indexOf(strategy)) % EXTRA.length] ?? "#495057";
}

/** What the vocabulary's strategy names mean, for legends. */
export const STRATEGY_HINTS: Record<string, string> = {
  "in-memory": "whole arrays → model.fit",
  generator: "tf.data.generator → fitDataset",
  "tf-data": "tf.data batch + prefetch",
  "file-stream": "shard files read lazily",
};

export const ATTENTION_LABEL: Record<Attention, string> = {
  regressed: "regressed",
  crashed: "crashed",
  error: "error",
  leaking: "leaking",
  growing: "growing",
  unsupported: "unsupported",
  unjudged: "unjudged",
  stable: "stable",
  removed: "not in newest run",
};

export const STATE_LABEL: Record<CellState, string> = {
  stable: "stable",
  growing: "growing",
  leaking: "leaking",
  unjudged: "too few epochs to judge",
  crashed: "crashed",
  unsupported: "unsupported",
  error: "error",
};
