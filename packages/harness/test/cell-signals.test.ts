import { describe, expect, it } from "vitest";
import type { CellTask } from "../src/cell-protocol.js";
import { CellProcess, runCellProcess } from "../src/parent/cell-runner.js";
import { fixture } from "./_run.js";

const task: CellTask = {
  cell: {
    id: "healthy/in-memory/b16/wasm",
    family: "healthy",
    strategy: "in-memory",
    batchSize: 16,
    backend: "wasm",
    gpuMemoryGrowth: null,
  },
  suiteFile: fixture("suite-crashes.ts"),
  quick: false,
  epochs: 3,
  samplesPerEpoch: 64,
  seed: 1,
  tmpDir: null,
  forcedGc: true,
};

describe("signals to a cell's process", () => {
  // Ctrl-C or `kill -TERM -<pgid>` reaches the cells as well as kmb; only kmb may decide a cell's fate
  // (an interrupted cell is left out of the results, not recorded as crashed).
  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s to the cell's process does not end it; the cell finishes ok",
    async (signal) => {
      const proc = new CellProcess(task);
      let sent = false;
      const run = await runCellProcess(task, {
        timeoutMs: 60_000,
        maxRssBytes: null,
        process: proc,
        // Mid-cell: model and pipeline are built, the epochs are about to run.
        onMessage: (message) => {
          if (message.type === "ready") sent = proc.child.kill(signal);
        },
      });
      expect(sent).toBe(true);
      expect(run.status, run.error?.message).toBe("ok");
      expect(run.samples).toHaveLength(3);
    },
    60_000,
  );
});
