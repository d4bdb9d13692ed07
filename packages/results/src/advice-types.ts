// The advice file: what `kmb advise --out` writes, the largest batch size that fits a memory budget per
// family × strategy × backend. Its own contract with its own version, independent of the results file.
// Keep in step with schema/advice.schema.json (test/advice-schema-round-trip.test.ts checks a full file).
import type { CellError, CellStatus, RunEnvironment } from "./results-types.js";

export const ADVICE_SCHEMA_VERSION = 1;

/**
 * What the budget limits: `rss` the cell process's peak resident memory, `step` the high-water mark of live
 * tensor bytes inside one training step, `gpu` the GPU memory the process used (GPU backends).
 */
export const BUDGET_METRICS = ["rss", "step", "gpu"] as const;
export type BudgetMetric = (typeof BUDGET_METRICS)[number];

/**
 * How a row's search ended:
 * - `fits`: `largestBatchSize` fits and `nextBatchSize`, the next candidate up, does not;
 * - `max-batch`: every size up to `--max-batch` fits (the budget is not what limits it);
 * - `below-smallest`: even the smallest candidate (batch 1 unless `--min-batch`) does not fit;
 * - `probe-limit`: `--max-probes` ran out before the two sizes were next to each other (bounds only);
 * - `failed`: a probe failed for a reason that says nothing about memory (error, missing kernel, timeout).
 */
export const ADVICE_OUTCOMES = ["fits", "max-batch", "below-smallest", "probe-limit", "failed"] as const;
export type AdviceOutcome = (typeof ADVICE_OUTCOMES)[number];

/** Why a size was probed: the first two sizes, a prediction from the fitted line, or halving the gap after a miss. */
export const PROBE_REASONS = ["start", "predicted", "next-up", "bisect", "gallop"] as const;
export type ProbeReason = (typeof PROBE_REASONS)[number];

/** One real cell run at one batch size. */
export interface AdviceProbe {
  batchSize: number;
  reason: ProbeReason;
  /** The cell's status: a `crashed` cell killed at the budget is an answer (it does not fit), not a failure. */
  status: CellStatus;
  /** Whether the batch fits: status ok and measured peak ≤ budget; or, for a memory crash, false. Null: the probe says nothing about memory. */
  fits: boolean | null;
  /** Peak of the budget's metric over the probe; null when the cell was killed before a reading or has no such figure. */
  peakBytes: number | null;
  /** Training throughput of the probe's epochs (tinybench); null when it did not finish. */
  samplesPerSecond: number | null;
  epochs: number;
  samplesPerEpoch: number;
  /** Wall time of the probe's process, from start to exit. */
  durationMs: number;
  error?: CellError;
}

export interface Advice {
  family: string;
  strategy: string;
  backend: string;
  /** The GPU allocator setting, where the backend has one. */
  gpuMemoryGrowth?: boolean | null;
  metric: BudgetMetric;
  budgetBytes: number;
  outcome: AdviceOutcome;
  /** The largest probed size that fits; null when none does (below-smallest, or failed before one fitted). */
  largestBatchSize: number | null;
  /** Measured peak of the metric at largestBatchSize. */
  peakBytes: number | null;
  /** budgetBytes − peakBytes. */
  headroomBytes: number | null;
  /** The smallest probed size that did not fit; null when none was found (max-batch reached, or failed). */
  nextBatchSize: number | null;
  /** The result in words, e.g. "b512 fits (298.1 MiB, 21.9 MiB left); b1024 was killed at the budget". */
  reason: string;
  /** Every probe, in the order run. */
  probes: AdviceProbe[];
}

/** How the probes were run and which sizes were candidates. */
export interface AdviceSearchInfo {
  /** Candidate sizes: powers of two (default) or every integer (`--exact`). */
  grid: "powers-of-two" | "exact";
  minBatchSize: number;
  maxBatchSize: number;
  maxProbes: number;
  /** Epochs per probe. */
  epochs: number;
  /** Samples per epoch of a probe: --samples, else the suite's (a suite's per-cell overrides win for their cells; each probe records its own), raised to the batch size when smaller. */
  samplesPerEpoch: number;
  /** Per-probe kill timer. */
  timeoutMs: number;
}

export interface AdviceFile {
  schemaVersion: typeof ADVICE_SCHEMA_VERSION;
  createdAt: string;
  suite: { name: string };
  search: AdviceSearchInfo;
  env: RunEnvironment;
  advice: Advice[];
}
