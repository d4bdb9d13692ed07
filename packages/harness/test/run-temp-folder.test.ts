import { readdirSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selectCells } from "../src/cli/command-run.js";
import { silentProgress, type ProgressReporter } from "../src/parent/progress.js";
import { runMatrix } from "../src/parent/run-matrix.js";
import { loadSuite } from "../src/suite/suite-load.js";
import { fixture } from "./_run.js";

describe("the run's temp folder", () => {
  it("is gone after a run whose file-stream cells exited or were killed mid-epoch", async () => {
    const parent = await mkdtemp(join(tmpdir(), "kmb-run-tmp-test-"));
    try {
      const suite = await loadSuite(fixture("suite-file-stream-crashes.ts"), { quick: false });
      const { cells, matrixSize } = selectCells(suite, { batchSizes: null, backends: null, filters: [], shard: null });
      const controller = new AbortController();
      const filesDuringEpochs: number[] = [];
      const progress: ProgressReporter = {
        ...silentProgress(),
        epochFinished(index) {
          filesDuringEpochs.push(readdirSync(parent, { recursive: true }).length);
          // The parent kills this one, as on Ctrl-C: the process never gets to dispose its pipeline.
          if (cells[index]!.family === "hangs") controller.abort();
        },
      };
      const run = await runMatrix({
        suite,
        cells,
        matrixSize,
        shard: null,
        epochs: suite.epochs,
        warmupEpochs: suite.warmupEpochs,
        samplesPerEpoch: suite.samplesPerEpoch,
        out: null,
        timeoutMs: 120_000,
        maxRssBytes: null,
        tmpDir: parent,
        progress,
        signal: controller.signal,
        gpuSampler: null,
      });
      expect(run.interrupted).toBe(true);
      expect(run.results.cells.map((c) => [c.family, c.status, c.error?.exitCode])).toEqual([["exits", "crashed", 3]]);
      // Both cells wrote their shard files under the folder (so something could have leaked) …
      expect(filesDuringEpochs).toHaveLength(2);
      expect(Math.min(...filesDuringEpochs)).toBeGreaterThan(0);
      // … and nothing of them is left.
      expect(await readdir(parent)).toEqual([]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
