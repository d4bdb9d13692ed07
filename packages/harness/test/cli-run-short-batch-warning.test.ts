import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureKmb, REPO_ROOT } from "./_run.js";

const DENSE = ["--config", join(REPO_ROOT, "suites/default.ts"), "--filter", "family=dense", "--filter", "strategy=in-memory", "--list"];

describe("kmb run with a batch larger than an epoch", () => {
  it("warns, naming each such cell and its samples, and still lists the cells", async () => {
    const run = await captureKmb([...DENSE, "--samples", "48", "--batch-sizes", "32,64,128"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("dense/in-memory/b32/wasm\ndense/in-memory/b64/wasm\ndense/in-memory/b128/wasm\n");
    expect(run.stderr).toContain(
      "kmb: warning: 2 cells have batches larger than the samples of an epoch, so every step trains fewer samples than the batch size says: " +
        "dense/in-memory/b64/wasm (48 samples), dense/in-memory/b128/wasm (48 samples). Raise --samples or leave out those batch sizes.",
    );
  });

  it("says nothing when every batch fits in an epoch", async () => {
    const run = await captureKmb([...DENSE, "--samples", "64", "--batch-sizes", "32,64"]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("warning");
  });
});
