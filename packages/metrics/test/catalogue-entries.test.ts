import { syntheticCell } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { EPOCH_METRICS, formatValue, metricDefinition, METRIC_KEYS, METRICS } from "../src/index.js";

const cell = syntheticCell(
  { family: "dense", strategy: "in-memory", batchSize: 32, backend: "wasm" },
  { epochs: 6, warmupEpochs: 2, baseRssBytes: 200 * 2 ** 20, tensorsPerEpoch: 1, noise: 0 },
);

describe("the metric catalogue", () => {
  it("names each metric once, with its own label and title", () => {
    expect(new Set(METRIC_KEYS).size).toBe(METRICS.length);
    expect(new Set(METRICS.map((m) => m.label)).size).toBe(METRICS.length);
    expect(new Set(METRICS.map((m) => m.title)).size).toBe(METRICS.length);
    for (const key of METRIC_KEYS) expect(metricDefinition(key).key).toBe(key);
  });

  it("reads every metric of a finished cell, in its unit", () => {
    for (const metric of METRICS) {
      const value = metric.read(cell);
      if (metric.optional) continue;
      expect(value, metric.key).not.toBeNull();
      expect(formatValue(value, metric.unit), metric.key).toMatch(/\d/);
    }
    expect(metricDefinition("tensorsPerEpoch").read(cell)).toBeCloseTo(1, 9);
    expect(metricDefinition("peakGpuUsedBytes").read(cell)).toBeNull();
  });

  it("a crashed cell without a summary has no summary values", () => {
    const crashed = { ...cell, status: "crashed" as const, summary: null };
    const parts = ["datasetTensorBytes", "weightBytes", "optimizerStateBytes"] as const;
    for (const metric of METRICS.filter((m) => !m.fromSamples && !(parts as readonly string[]).includes(m.key)))
      expect(metric.read(crashed), metric.key).toBeNull();
    // Memory parts are measured before and at the first steps: a cell that crashed later still has them.
    for (const key of parts) expect(metricDefinition(key).read(crashed), key).toBe(cell.memoryParts![key]);
  });

  it("states which direction is better and how compare judges it", () => {
    expect(metricDefinition("samplesPerSecond")).toMatchObject({ better: "higher", compare: { kind: "follows-time", of: "meanEpochMs" } });
    expect(metricDefinition("tensorsPerEpoch").compare).toEqual({ kind: "exact-count", threshold: "tensorsPerEpoch" });
    expect(METRICS.filter((m) => m.better === "higher").map((m) => m.key)).toEqual(["samplesPerSecond"]);
  });

  it("reads every per-epoch reading the dashboard draws", () => {
    const sample = cell.samples[0]!;
    for (const metric of EPOCH_METRICS.filter((m) => m.key !== "wasmHeapBytes"))
      expect(metric.read(sample), metric.key).toEqual(expect.any(Number));
  });
});
