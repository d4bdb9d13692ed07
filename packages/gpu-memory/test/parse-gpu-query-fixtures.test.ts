import { describe, expect, it } from "vitest";
import { parseGpuQuery } from "../src/index.js";
import { fixture, MIB, rowsOf } from "./_fixtures.js";

describe("parseGpuQuery on recorded formats", () => {
  it("reads eight H200s printed with units (format: public 8× H200 log)", () => {
    const rows = rowsOf(parseGpuQuery, "query-gpu-8x-h200-units.txt");
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toEqual({
      index: 0,
      uuid: "GPU-a44622e3-2296-6285-0a86-84d0f6c67900",
      name: "NVIDIA H200",
      memoryTotalBytes: 143771 * MIB,
      memoryUsedBytes: 130013 * MIB,
      driverVersion: "570.133.20",
    });
    expect(rows[2]?.memoryUsedBytes).toBe(0);
  });

  it("reads nounits rows with long names and non-zero starting indexes (format: RTX PRO 6000 runbook)", () => {
    const { rows } = parseGpuQuery(fixture("query-gpu-2x-rtx-pro-6000.txt"));
    expect(rows.map((r) => [r.index, r.name, r.memoryTotalBytes, r.driverVersion])).toEqual([
      [4, "NVIDIA RTX PRO 6000 Blackwell Server Edition", 97887 * MIB, "610.43.02"],
      [5, "NVIDIA RTX PRO 6000 Blackwell Server Edition", 97887 * MIB, "610.43.02"],
    ]);
  });

  it("keeps a MIG GPU in a container whose memory is [Insufficient Permissions] (StableSwarmUI#388)", () => {
    const rows = rowsOf(parseGpuQuery, "query-gpu-mig-container.txt");
    expect(rows).toEqual([
      {
        index: 0,
        uuid: "GPU-7fdaf0a5-179b-f636-d15d-daf243e3ff16",
        name: "NVIDIA A100-SXM4-80GB",
        memoryTotalBytes: null,
        memoryUsedBytes: null,
        driverVersion: "535.161.08",
      },
    ]);
  });

  it("reads MIG-enabled GPUs on the host as whole GPUs (go-nvml#57)", () => {
    const { rows } = parseGpuQuery(fixture("query-gpu-mig-host.txt"));
    expect(rows.map((r) => [r.uuid, r.memoryUsedBytes])).toEqual([
      ["GPU-41255406-c9af-f94b-4ebf-9d57ad1853da", 39 * MIB],
      ["GPU-7fdaf0a5-179b-f636-d15d-daf243e3ff16", 34074 * MIB],
    ]);
  });

  it("turns Windows WDDM [N/A] and old-driver [Not Supported] into null, keeping the rest (YOLOX#1429, i3pystatus#776)", () => {
    const wddm = parseGpuQuery(fixture("query-gpu-wddm-na.txt")).rows;
    expect(wddm.map((r) => [r.name, r.memoryTotalBytes, r.memoryUsedBytes])).toEqual([
      ["Quadro RTX 5000", null, null],
      ["Quadro RTX 5000", null, null],
    ]);
    const old = parseGpuQuery(fixture("query-gpu-not-supported.txt")).rows;
    expect(old.map((r) => [r.name, r.memoryTotalBytes, r.memoryUsedBytes])).toEqual([["GeForce GTX 960M", 2004 * MIB, null]]);
  });

  it("skips a header and reads units when noheader,nounits were left out (netdata tesla-p100.csv)", () => {
    const rows = rowsOf(parseGpuQuery, "query-gpu-with-header.txt");
    expect(rows.map((r) => [r.name, r.memoryTotalBytes, r.memoryUsedBytes])).toEqual([["Tesla P100-PCIE-16GB", 16280 * MIB, 0]]);
  });

  it("returns no rows for blank output and keeps 'No devices were found' as unparsed", () => {
    expect(parseGpuQuery("")).toEqual({ rows: [], unparsed: [] });
    expect(parseGpuQuery("\n  \n")).toEqual({ rows: [], unparsed: [] });
    expect(parseGpuQuery(fixture("query-gpu-no-devices.txt"))).toEqual({ rows: [], unparsed: ["No devices were found"] });
  });

  it("keeps a comma inside a GPU name and rejects short rows", () => {
    const { rows, unparsed } = parseGpuQuery("0, GPU-x, Some GPU, Rev 2, 1024, 10, 550.54.15\r\n1, GPU-y, 1024\n");
    expect(rows).toEqual([
      {
        index: 0,
        uuid: "GPU-x",
        name: "Some GPU, Rev 2",
        memoryTotalBytes: 1024 * MIB,
        memoryUsedBytes: 10 * MIB,
        driverVersion: "550.54.15",
      },
    ]);
    expect(unparsed).toEqual(["1, GPU-y, 1024"]);
  });
});
