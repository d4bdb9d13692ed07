// Filtering and grouping of cell series for the views. Browser-safe and pure: the client
// bundle runs it on every filter change, the unit tests run it in Node.
import type { Attention, CellSeries, DashboardAxes } from "./model-types.js";

export interface SeriesFilter {
  families: string[];
  strategies: string[];
  batchSizes: number[];
  backends: string[];
  /** Keep only cells that need a look: regressed at some commit, or now crashing, leaking or growing. */
  attentionOnly: boolean;
}

const URGENT: ReadonlySet<Attention> = new Set(["regressed", "crashed", "error", "leaking", "growing"]);

export function needsAttention(series: CellSeries): boolean {
  return URGENT.has(series.attention) || series.lastMarker >= 0;
}

/** Everything selected: the filter a first visit starts with. */
export function allOf(axes: DashboardAxes): SeriesFilter {
  return {
    families: [...axes.families],
    strategies: [...axes.strategies],
    batchSizes: [...axes.batchSizes],
    backends: [...axes.backends],
    attentionOnly: false,
  };
}

/** Keeps the model's order (most urgent first). */
export function filterSeries(series: readonly CellSeries[], filter: SeriesFilter): CellSeries[] {
  const families = new Set(filter.families);
  const strategies = new Set(filter.strategies);
  const batchSizes = new Set(filter.batchSizes);
  const backends = new Set(filter.backends);
  return series.filter(
    (s) =>
      families.has(s.family) &&
      strategies.has(s.strategy) &&
      batchSizes.has(s.batchSize) &&
      backends.has(s.backend) &&
      (!filter.attentionOnly || needsAttention(s)),
  );
}

/**
 * The cells that differ only by strategy: one chart each, one line per strategy. The GPU allocator
 * setting is part of the group, so growth on and off never share a chart, colour and label.
 */
export interface SeriesGroup {
  key: string;
  family: string;
  batchSize: number;
  backend: string;
  gpuMemoryGrowth: boolean | null;
  series: CellSeries[];
  /** Most urgent attention among the group's series, so groups sort like tiles. */
  attention: Attention;
}

const RANK: Attention[] = ["regressed", "crashed", "error", "leaking", "growing", "unsupported", "unjudged", "stable", "removed"];

export function groupKey(s: Pick<CellSeries, "family" | "batchSize" | "backend" | "gpuMemoryGrowth">): string {
  const allocator = s.gpuMemoryGrowth === null ? "" : s.gpuMemoryGrowth ? "/growth-on" : "/growth-off";
  return `${s.family}/b${s.batchSize}/${s.backend}${allocator}`;
}

const allocatorRank = (g: Pick<SeriesGroup, "gpuMemoryGrowth">): number => (g.gpuMemoryGrowth === null ? 0 : g.gpuMemoryGrowth ? 1 : 2);

/** Groups by family × batch size × backend × GPU allocator in axis order; strategies in axis order inside. */
export function groupByRun(series: readonly CellSeries[], axes: DashboardAxes): SeriesGroup[] {
  const groups = new Map<string, SeriesGroup>();
  for (const s of series) {
    const key = groupKey(s);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        family: s.family,
        batchSize: s.batchSize,
        backend: s.backend,
        gpuMemoryGrowth: s.gpuMemoryGrowth,
        series: [],
        attention: s.attention,
      };
      groups.set(key, group);
    }
    group.series.push(s);
    if (RANK.indexOf(s.attention) < RANK.indexOf(group.attention)) group.attention = s.attention;
  }
  const at = (list: readonly (string | number)[], v: string | number) => list.indexOf(v);
  const result = [...groups.values()];
  for (const g of result) g.series.sort((a, b) => at(axes.strategies, a.strategy) - at(axes.strategies, b.strategy));
  return result.sort(
    (a, b) =>
      at(axes.families, a.family) - at(axes.families, b.family) ||
      a.batchSize - b.batchSize ||
      at(axes.backends, a.backend) - at(axes.backends, b.backend) ||
      allocatorRank(a) - allocatorRank(b),
  );
}
