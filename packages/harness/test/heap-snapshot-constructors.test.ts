import { describe, expect, it } from "vitest";
import {
  diffHeapSummaries,
  HeapSnapshotFormatError,
  summariseHeapSnapshot,
  type HeapSnapshotJson,
} from "../src/analysis/heap-snapshot-diff.js";
import { heapSummaryNow } from "../src/child/heap-snapshot.js";

const meta = {
  node_fields: ["type", "name", "id", "self_size", "edge_count"],
  node_types: [["hidden", "array", "string", "object", "code", "closure", "native"], "string", "number", "number", "number"],
};

describe("heap snapshots by constructor", () => {
  it("groups objects by constructor, native memory by name and the rest by type", () => {
    const snapshot: HeapSnapshotJson = {
      snapshot: { meta },
      strings: ["Tensor", "system / JSArrayBufferData", "x", "(closure name)"],
      // type, name, id, self_size, edge_count
      nodes: [3, 0, 1, 80, 0, 3, 0, 3, 80, 0, 6, 1, 5, 262144, 0, 2, 2, 7, 24, 0, 5, 3, 9, 32, 0],
    };
    expect(summariseHeapSnapshot(snapshot)).toEqual({
      total: { count: 5, selfSize: 80 + 80 + 262144 + 24 + 32 },
      byConstructor: {
        Tensor: { count: 2, selfSize: 160 },
        "system / JSArrayBufferData": { count: 1, selfSize: 262144 },
        "(string)": { count: 1, selfSize: 24 },
        "(closure)": { count: 1, selfSize: 32 },
      },
    });
  });

  it("refuses a snapshot without the fields it needs, naming them", () => {
    const bad = { snapshot: { meta: { node_fields: ["type", "id"], node_types: [[]] } }, nodes: [], strings: [] } as HeapSnapshotJson;
    expect(() => summariseHeapSnapshot(bad)).toThrow(HeapSnapshotFormatError);
    expect(() => summariseHeapSnapshot(bad)).toThrow(/lack type, name or self_size/);
  });

  it("a real snapshot of this process shows the objects kept between two snapshots", async () => {
    class KeptBetweenSnapshots {
      constructor(readonly payload: number[]) {}
    }
    const kept: KeptBetweenSnapshots[] = [];
    const before = await heapSummaryNow();
    for (let i = 0; i < 500; i++) kept.push(new KeptBetweenSnapshots([i]));
    const after = await heapSummaryNow();
    const grown = diffHeapSummaries(before, after, 50).find((c) => c.name === "KeptBetweenSnapshots");
    expect(grown?.count).toBe(500);
    expect(grown!.selfSize).toBeGreaterThan(0);
    expect(kept).toHaveLength(500);
  }, 120_000);
});
