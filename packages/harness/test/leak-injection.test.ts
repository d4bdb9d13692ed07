import { afterEach, describe, expect, it } from "vitest";
import { fixture, runKmb } from "./_run.js";

// The suite file reads KMB_TEST_LEAK in the cell's process (which inherits this process's environment),
// so the same config runs with and without the injected leak.
async function runLeak(leak: "tensor" | "buffer" | undefined) {
  if (leak) process.env["KMB_TEST_LEAK"] = leak;
  else delete process.env["KMB_TEST_LEAK"];
  const run = await runKmb(["--config", fixture("suite-leaks.ts")]);
  expect(run.code, run.stderr).toBe(0);
  const [cell] = run.results!.cells;
  expect(cell!.status).toBe("ok");
  return cell!;
}

afterEach(() => {
  delete process.env["KMB_TEST_LEAK"];
});

describe("leak injection through the config API", () => {
  it("one tensor kept per epoch → leaking, +1 tensor/epoch", async () => {
    const cell = await runLeak("tensor");
    expect(cell.verdict).toBe("leaking");
    expect(cell.summary!.tensorsPerEpoch).toBeCloseTo(1, 9);
    expect(cell.summary!.dataIdsPerEpoch).toBeCloseTo(1, 9);
    expect(cell.verdictReason).toMatch(/^tensors \+1\.00 tensors\/epoch/);
  }, 120_000);

  it("the same config without the leak → stable, no tensor growth", async () => {
    const cell = await runLeak(undefined);
    expect(cell.verdict, cell.verdictReason).toBe("stable");
    expect(cell.summary!.tensorsPerEpoch).toBe(0);
  }, 120_000);

  it("an 8 MiB Buffer kept per epoch → growing, external bytes +8 MiB/epoch", async () => {
    const cell = await runLeak("buffer");
    expect(cell.verdict).toBe("growing");
    expect(cell.summary!.tensorsPerEpoch).toBe(0);
    expect(cell.summary!.externalBytesPerEpoch / 2 ** 20).toBeCloseTo(8, 1);
    expect(cell.verdictReason).toContain("external +8.00 MiB/epoch");
  }, 120_000);
});
