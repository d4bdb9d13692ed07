// The words advise prints about rows and probes, shared by the terminal table, the markdown and progress. Pure.
import type { Advice, AdviceProbe, AdviceSearchInfo, BudgetMetric } from "@keras-mem-bench/results";
import { formatBytes, formatNumber, MISSING } from "@keras-mem-bench/metrics";

export const METRIC_LABEL: Record<BudgetMetric, string> = { rss: "peak RSS", step: "step peak", gpu: "GPU memory" };

/** "lstm/generator/wasm" (+ "/growth-on" on a GPU allocator axis). */
export function rowName(row: Pick<Advice, "family" | "strategy" | "backend" | "gpuMemoryGrowth">): string {
  const growth = row.gpuMemoryGrowth === true ? "/growth-on" : row.gpuMemoryGrowth === false ? "/growth-off" : "";
  return `${row.family}/${row.strategy}/${row.backend}${growth}`;
}

/** "fits: 298.1 MiB of 320.0 MiB" / "does not fit: killed at the budget" — what a probe said, for progress lines. */
export function probeNote(probe: AdviceProbe, budgetBytes: number): string {
  const of = (peak: number) => `${formatBytes(peak)} of ${formatBytes(budgetBytes)}`;
  if (probe.fits === true) return `fits: ${probe.peakBytes === null ? "no reading" : of(probe.peakBytes)}`;
  if (probe.fits === false) {
    if (probe.peakBytes !== null) return `does not fit: ${of(probe.peakBytes)}`;
    return probe.error?.code === "KMB_MAX_RSS" ? "does not fit: killed at the budget" : "does not fit: out of memory";
  }
  return "says nothing about memory: the row stops";
}

/** "b16 465/s · b64 452/s · b1024 —": throughput by batch size, where bigger batches stop paying. */
export function throughputByBatch(probes: readonly AdviceProbe[]): string {
  return [...probes]
    .sort((a, b) => a.batchSize - b.batchSize)
    .map((p) => `b${p.batchSize} ${p.samplesPerSecond === null ? MISSING : `${formatNumber(p.samplesPerSecond)}/s`}`)
    .join(" · ");
}

/** The cell for the size that did not fit: "b1024", or why there is none. */
export function notFittingCell(advice: Advice, search: AdviceSearchInfo): string {
  if (advice.nextBatchSize !== null) return `b${advice.nextBatchSize}`;
  if (advice.outcome === "max-batch") return `none up to b${search.maxBatchSize}`;
  return MISSING;
}

/** budget and how the probes ran, in one line. */
export function searchLine(metric: BudgetMetric, budgetBytes: number, search: AdviceSearchInfo): string {
  const grid = search.grid === "exact" ? "any integer" : "powers of two";
  const kill = metric === "rss" ? ", killed when its RSS passes the budget" : "";
  return (
    `budget ${formatBytes(budgetBytes)} of ${METRIC_LABEL[metric]} · batch sizes: ${grid} from ${search.minBatchSize} to ${search.maxBatchSize}, at most ${search.maxProbes} probes a row · ` +
    `each probe: ${search.epochs} epoch${search.epochs === 1 ? "" : "s"} of max(${search.samplesPerEpoch}, batch) samples in its own process${kill}`
  );
}

/** "21.9 MiB (6.8%)" */
export function headroomText(advice: Advice): string {
  if (advice.headroomBytes === null) return MISSING;
  // A share of the budget, not a change: no sign (metrics' formatPercent signs its values).
  return `${formatBytes(advice.headroomBytes)} (${((100 * advice.headroomBytes) / advice.budgetBytes).toFixed(1)}%)`;
}
