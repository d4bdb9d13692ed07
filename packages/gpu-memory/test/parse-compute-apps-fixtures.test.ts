import { describe, expect, it } from "vitest";
import { parseComputeApps } from "../src/index.js";
import { fixture, MIB, rowsOf } from "./_fixtures.js";

describe("parseComputeApps on recorded formats", () => {
  it("reads processes on several GPUs with units (format: public 8× H200 log)", () => {
    const rows = rowsOf(parseComputeApps, "compute-apps-8x-h200-units.txt");
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ pid: 1328667, gpuUuid: "GPU-a44622e3-2296-6285-0a86-84d0f6c67900", usedBytes: 130004 * MIB });
    expect(rows[3]).toEqual({ pid: 1758887, gpuUuid: "GPU-28780eb0-24d5-1f13-59b8-ae5c23617a72", usedBytes: 58060 * MIB });
  });

  it("reads nounits rows", () => {
    expect(parseComputeApps(fixture("compute-apps-2x-rtx-pro-6000.txt")).rows.map((r) => [r.pid, r.usedBytes])).toEqual([
      [3664501, 2804 * MIB],
      [2624394, 164 * MIB],
    ]);
  });

  it("reads several MIG processes that report the parent GPU (nvitop#8)", () => {
    const { rows } = parseComputeApps(fixture("compute-apps-mig-host.txt"));
    expect(new Set(rows.map((r) => r.gpuUuid))).toEqual(new Set(["GPU-7fdaf0a5-179b-f636-d15d-daf243e3ff16"]));
    expect(rows.map((r) => r.usedBytes)).toEqual([14195 * MIB, 149 * MIB, 9807 * MIB, 9865 * MIB]);
  });

  it("keeps processes whose memory is [N/A] (WDDM) or [Insufficient Permissions] (container), with null bytes", () => {
    expect(parseComputeApps(fixture("compute-apps-wddm-na.txt")).rows).toEqual([
      { pid: 11844, gpuUuid: "GPU-1cf694db-94eb-35b8-347d-a0bbf40d102f", usedBytes: null },
      { pid: 13300, gpuUuid: "GPU-1cf694db-94eb-35b8-347d-a0bbf40d102f", usedBytes: null },
    ]);
    expect(parseComputeApps(fixture("compute-apps-insufficient-permissions.txt")).rows).toEqual([
      { pid: 524, gpuUuid: "GPU-df6e7a7c-7314-46f8-abc4-b88b36dcf3aa", usedBytes: null },
    ]);
  });

  it("reads no processes from empty output, and skips a header", () => {
    expect(parseComputeApps(fixture("compute-apps-none.txt"))).toEqual({ rows: [], unparsed: [] });
    expect(parseComputeApps(fixture("compute-apps-with-header.txt")).rows).toEqual([
      { pid: 2624394, gpuUuid: "GPU-ef1b2c9b-38d8-2090-2bd1-f567a3eb42a6", usedBytes: 164 * MIB },
    ]);
  });

  it("puts lines that are not rows in unparsed instead of inventing a pid", () => {
    const { rows, unparsed } = parseComputeApps("No running processes found\n[N/A], GPU-x, 10\n12, GPU-x\n");
    expect(rows).toEqual([]);
    expect(unparsed).toEqual(["No running processes found", "[N/A], GPU-x, 10", "12, GPU-x"]);
  });
});
