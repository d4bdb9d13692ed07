import { describe, expect, it } from "vitest";
import type { Cell } from "@keras-mem-bench/results";
import { fixture, runKmb } from "./_run.js";

const byFamily = (cells: Cell[]) => Object.fromEntries(cells.map((c) => [c.family, c]));

describe("crash survival", () => {
  it("records throws, signals, exits, --max-rss and missing kernels with their samples; the healthy cell completes", async () => {
    const run = await runKmb([
      "--config",
      fixture("suite-crashes.ts"),
      "--filter",
      "family=healthy,throws,segfaults,exits,hogs-memory,conv-without-kernels",
      "--max-rss",
      "450M",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const cells = byFamily(run.results!.cells);
    expect(Object.keys(cells)).toHaveLength(6);

    expect(cells["healthy"]).toMatchObject({ status: "ok", epochs: 3 });
    expect(cells["healthy"]!.samples).toHaveLength(3);
    expect(cells["healthy"]!.error).toBeUndefined();

    expect(cells["throws"]).toMatchObject({ status: "error", error: { message: "Error: injected failure in epoch 2" } });

    expect(cells["segfaults"]).toMatchObject({ status: "crashed", error: { signal: "SIGSEGV", code: "KMB_CELL_CRASHED" } });
    expect(cells["segfaults"]!.error!.message).toMatch(/killed by SIGSEGV before finishing/);

    expect(cells["exits"]).toMatchObject({ status: "crashed", error: { exitCode: 3, signal: null } });
    expect(cells["exits"]!.error!.message).toMatch(/exited with code 3/);

    expect(cells["hogs-memory"]).toMatchObject({ status: "crashed", error: { code: "KMB_MAX_RSS", signal: "SIGKILL" } });
    expect(cells["hogs-memory"]!.error!.message).toMatch(/^RSS \d+(\.\d+)? MiB exceeded --max-rss 450 MiB; the process was killed$/);

    // Everything up to the failure is kept: epoch 1 and the batches of epoch 2 before it.
    for (const family of ["throws", "segfaults", "exits"]) {
      const cell = cells[family]!;
      expect(
        cell.samples.map((s) => s.epoch),
        family,
      ).toEqual([1]);
      expect(
        cell.batchSamples.some((b) => b.epoch === 2),
        family,
      ).toBe(true);
      expect(cell.summary?.peakRssBytes, family).toBeGreaterThan(0);
    }
    // The hog adds 64 MiB per batch from epoch 2 on; it is stopped before its last epoch, its samples show the climb.
    const hog = cells["hogs-memory"]!;
    expect(hog.samples.length).toBeGreaterThanOrEqual(1);
    expect(hog.samples.length).toBeLessThan(3);
    const hogRss = hog.batchSamples.map((b) => b.rssBytes);
    expect(Math.max(...hogRss) - Math.min(...hogRss)).toBeGreaterThan(128 * 2 ** 20);

    expect(cells["conv-without-kernels"]).toMatchObject({
      status: "unsupported",
      error: { code: "KMB_MISSING_KERNEL", kernel: "Conv2DBackpropFilter", message: 'backend "wasm" has no kernel "Conv2DBackpropFilter"' },
    });
    expect(run.stdout).toMatch(/6 cells: 1 ok, 1 error, 3 crashed, 1 unsupported/);
  }, 120_000);

  it("kills a cell that hangs past --timeout and keeps its first epoch", async () => {
    const run = await runKmb(["--config", fixture("suite-crashes.ts"), "--filter", "family=hangs", "--timeout", "4s"]);
    expect(run.code, run.stderr).toBe(0);
    const [cell] = run.results!.cells;
    expect(cell).toMatchObject({ status: "crashed", error: { code: "KMB_CELL_TIMEOUT", signal: "SIGKILL" } });
    expect(cell!.error!.message).toBe("the cell did not finish within 4.00 s (--timeout); the process was killed");
    expect(cell!.samples.map((s) => s.epoch)).toEqual([1]);
  }, 120_000);

  it("--strict turns a failed cell into exit code 1", async () => {
    const run = await runKmb(["--config", fixture("suite-crashes.ts"), "--filter", "family=throws", "--strict"]);
    expect(run.code).toBe(1);
    expect(run.results!.cells[0]!.status).toBe("error");
  }, 120_000);
});
