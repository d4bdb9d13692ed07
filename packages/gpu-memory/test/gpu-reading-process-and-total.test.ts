import { describe, expect, it } from "vitest";
import { gpuReading, parseComputeApps, parseGpuQuery } from "../src/index.js";
import { fixture, MIB } from "./_fixtures.js";

describe("gpuReading", () => {
  const h200 = parseGpuQuery(fixture("query-gpu-8x-h200-units.txt")).rows;
  const h200Apps = parseComputeApps(fixture("compute-apps-8x-h200-units.txt")).rows;

  it("sums used memory over all GPUs and picks the asked process", () => {
    const reading = gpuReading(h200, h200Apps, 1328668);
    expect(reading.totalUsedBytes).toBe((130013 + 130053 + 0 + 129993 + 244 + 4 + 292 + 58071) * MIB);
    expect(reading.processUsedBytes).toBe(130044 * MIB);
    expect(reading.gpus).toHaveLength(8);
  });

  it("adds a process's rows on several GPUs", () => {
    const apps = parseComputeApps("77, GPU-a, 100\n77, GPU-b, 250\n78, GPU-a, 5\n").rows;
    expect(gpuReading([], apps, 77).processUsedBytes).toBe(350 * MIB);
  });

  it("says null, not 0, for a process nvidia-smi does not list or cannot measure", () => {
    expect(gpuReading(h200, h200Apps, 4242).processUsedBytes).toBeNull();
    expect(gpuReading(h200, h200Apps, null).processUsedBytes).toBeNull();
    const wddm = parseComputeApps(fixture("compute-apps-wddm-na.txt")).rows;
    expect(gpuReading([], wddm, 11844).processUsedBytes).toBeNull();
  });

  it("gives a null total when no GPU reports memory (MIG in a container)", () => {
    const mig = parseGpuQuery(fixture("query-gpu-mig-container.txt")).rows;
    expect(gpuReading(mig, [], 1).totalUsedBytes).toBeNull();
  });
});
