import { describe, expect, it } from "vitest";
import { LiveTensorTable } from "../src/child/live-tensor-table.js";

// The table behind tensor origins: what an epoch end reads must not depend on where a record sits (the ring
// for young tensors, the map for those that outlive 16k newer ones).

const WEIGHT = 0;
const STEP = 1;
const LEAK = 2;

describe("live tensors by origin", () => {
  it("counts long-lived tensors exactly after far more short-lived ones have come and gone", () => {
    const table = new LiveTensorTable();
    let id = 0;
    for (let w = 0; w < 3; w++) table.add(id++, WEIGHT, 100, false); // made before training: not counted
    for (let step = 0; step < 200; step++) {
      const first = id;
      for (let t = 0; t < 500; t++) table.add(id++, STEP, 8, true);
      table.add(id++, LEAK, 4, true); // one kept per step
      for (let t = first; t < first + 500; t++) table.remove(t);
    }
    // 100,000 step tensors went through a ring of 16k slots; the weights and early leaks moved to the map.
    expect(table.liveByOrigin()).toEqual([{ origin: LEAK, count: 200, bytes: 800 }]);
    table.remove(3 + 500); // the first leak, long since out of the ring
    expect(table.liveByOrigin()).toEqual([{ origin: LEAK, count: 199, bytes: 796 }]);
  });

  it("gives a handle disposed and registered again at once (a variable's assign) its first record back", () => {
    const table = new LiveTensorTable();
    table.add(7, STEP, 40, true);
    for (let id = 8; id < 40_000; id++) table.add(id, LEAK, 1, false); // pushes id 7 out of the ring
    for (const id of [7, 39_999]) {
      table.remove(id);
      expect(table.restore(id)).toBe(true);
    }
    expect(table.liveByOrigin()).toEqual([{ origin: STEP, count: 1, bytes: 40 }]);
    table.remove(7);
    table.remove(8);
    expect(table.restore(7)).toBe(false); // another removal came in between: a fresh registration
    expect(table.liveByOrigin()).toEqual([]);
  });

  it("ignores the removal of a tensor it never held", () => {
    const table = new LiveTensorTable();
    table.add(1, STEP, 4, true);
    table.remove(2);
    expect(table.restore(2)).toBe(false);
    expect(table.liveByOrigin()).toEqual([{ origin: STEP, count: 1, bytes: 4 }]);
  });
});
