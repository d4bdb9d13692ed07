import { mulberry32, type Advice } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { batchGrid } from "../src/advise/batch-grid.js";
import { searchLargestBatch, type SearchPlan } from "../src/advise/batch-search.js";
import { fakeProbeRunner, MIB, type FakeCellOptions } from "./_fake-probes.js";

const row = { family: "lstm", strategy: "generator", backend: "wasm", metric: "rss" as const };
const BUDGET = 320 * MIB;

function plan(overrides: Partial<SearchPlan> = {}): SearchPlan {
  return { grid: batchGrid("powers-of-two", 1, 4096), budgetBytes: BUDGET, startBatchSize: 16, maxProbes: 12, ...overrides };
}

async function advise(curve: Omit<FakeCellOptions, "budgetBytes">, overrides: Partial<SearchPlan> = {}) {
  const p = plan(overrides);
  const runner = fakeProbeRunner({ ...curve, budgetBytes: p.budgetBytes });
  const advice = await searchLargestBatch({ ...row, metric: curve.metric ?? "rss" }, p, runner);
  return { advice, asked: runner.asked };
}

/** What the user relies on: the advised size was measured to fit and the one above it was measured not to. */
function expectVerified(advice: Advice) {
  const at = (size: number | null) => advice.probes.filter((p) => p.batchSize === size);
  expect(at(advice.largestBatchSize).map((p) => p.fits)).toEqual([true]);
  if (advice.nextBatchSize !== null) expect(at(advice.nextBatchSize).map((p) => p.fits)).toEqual([false]);
  expect(advice.headroomBytes).toBe(advice.budgetBytes - advice.peakBytes!);
  expect(advice.peakBytes!).toBeLessThanOrEqual(advice.budgetBytes);
}

// 200 MiB of process, backend and model, then 125 KiB per sample of batch: the budget is met at batch 983.
const linear = (batch: number) => 200 * MIB + batch * 125 * 1024;

describe("advise search on a fake cell runner", () => {
  it("linear memory: predicts from two probes and verifies the answer and the next power of two", async () => {
    const { advice, asked } = await advise({ peak: linear });
    expect(advice).toMatchObject({ outcome: "fits", largestBatchSize: 512, nextBatchSize: 1024, metric: "rss", budgetBytes: BUDGET });
    expect(advice.peakBytes).toBe(linear(512));
    expectVerified(advice);
    // start 16, start 64, the prediction 512, the next size up 1024: no walk through 128 and 256.
    expect(asked).toEqual([16, 64, 512, 1024]);
    expect(advice.probes.map((p) => p.reason)).toEqual(["start", "start", "predicted", "next-up"]);
    expect(advice.reason).toMatch(/^b512 fits \(263 MiB, 57\.5 MiB left\); b1024 was killed at the budget$/);
  });

  it("a noisy metric's answer with under 5% headroom says it will not fit every time; exact tensor bytes do not", async () => {
    // 316 MiB at b1024 (1.25% headroom), as lstm/generator on wasm measured near a 320 MiB budget.
    const thin = (b: number) => 200 * MIB + b * 116 * 1024;
    const rss = await advise({ peak: thin });
    expect(rss.advice).toMatchObject({ outcome: "fits", largestBatchSize: 1024 });
    expect(rss.advice.reason).toMatch(
      /; headroom under 5%: this peak varies by a few percent from run to run, so b1024 will not fit every time$/,
    );
    const step = await advise({ metric: "step", peak: thin });
    expect(step.advice.reason).not.toContain("headroom under");
  });

  it("--exact finds the exact integer on a linear curve in a handful of probes", async () => {
    // 150 KiB per sample: (320 − 200) MiB / 150 KiB = 819.2 → 819 fits, 820 does not.
    const { advice, asked } = await advise({ peak: (b) => 200 * MIB + b * 150 * 1024 }, { grid: batchGrid("exact", 1, 100_000) });
    expect(advice).toMatchObject({ outcome: "fits", largestBatchSize: 819, nextBatchSize: 820 });
    expectVerified(advice);
    expect(asked.length).toBeLessThanOrEqual(5);
  });

  it("noisy memory: whatever the noise, the answer is verified and within one size of the noiseless one", async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(seed);
      // ±3% of the peak, fresh for every probe, as RSS moves from run to run.
      const { advice, asked } = await advise({ peak: (b) => linear(b) * (1 + 0.03 * (2 * random() - 1)) });
      expect(advice.outcome).toBe("fits");
      expectVerified(advice);
      expect([256, 512, 1024]).toContain(advice.largestBatchSize);
      expect(advice.nextBatchSize).toBe(advice.largestBatchSize! * 2);
      expect(new Set(asked).size).toBe(asked.length);
    }
  });

  it("step-shaped memory: a prediction that misses is followed by bisection to the exact step", async () => {
    // Memory jumps by 100 MiB every 300 samples of batch (an allocator doubling its pool): flat lines mislead.
    const peak = (b: number) => 200 * MIB + Math.floor(b / 300) * 100 * MIB;
    const pow2 = await advise({ peak });
    expect(pow2.advice).toMatchObject({ outcome: "fits", largestBatchSize: 512, nextBatchSize: 1024 });
    expectVerified(pow2.advice);
    const exact = await advise({ peak }, { grid: batchGrid("exact", 1, 4096) });
    expect(exact.advice).toMatchObject({ outcome: "fits", largestBatchSize: 599, nextBatchSize: 600 });
    expectVerified(exact.advice);
    expect(exact.advice.probes.map((p) => p.reason)).toContain("bisect");
  });

  it("step metric: peaks above the budget are measured too (no kill), so the line also learns from sizes that do not fit", async () => {
    // Tensor bytes are exact: 1 MiB of weights and optimizer state, then 44 KiB per sample (an LSTM step).
    const step = (b: number) => MIB + b * 44 * 1024;
    const { advice, asked } = await advise({ metric: "step", peak: step }, { budgetBytes: 32 * MIB, grid: batchGrid("exact", 1, 4096) });
    // (32 − 1) MiB / 44 KiB = 721.45…
    expect(advice).toMatchObject({ metric: "step", outcome: "fits", largestBatchSize: 721, nextBatchSize: 722, peakBytes: step(721) });
    expect(advice.probes.find((p) => p.batchSize === 722)).toMatchObject({ status: "ok", fits: false, peakBytes: step(722) });
    expect(advice.reason).toBe("b721 fits (32.0 MiB, 20.0 KiB left); b722 needs 32.0 MiB (24.0 KiB over)");
    expect(asked).toEqual([16, 64, 721, 722]);
    // On powers of two the line meets 32 MiB at b721: b512 is predicted to fit, then b1024 checked not to.
    const pow2 = await advise({ metric: "step", peak: step }, { budgetBytes: 32 * MIB });
    expect(pow2.asked).toEqual([16, 64, 512, 1024]);
    expect(pow2.advice.probes.map((p) => p.reason)).toEqual(["start", "start", "predicted", "next-up"]);
  });

  it("a crash that is about memory is an answer: OS OOM kill, out-of-memory error, V8 heap", async () => {
    const failures = [
      {
        status: "crashed" as const,
        error: {
          message: "killed by SIGKILL (likely the OS out-of-memory killer)",
          code: "KMB_CELL_CRASHED",
          exitCode: null,
          signal: "SIGKILL",
        },
      },
      { status: "error" as const, error: { message: "Error: OOM when allocating tensor with shape[1024,64]" } },
      { status: "crashed" as const, error: { message: "heap out of memory", code: "KMB_OUT_OF_MEMORY", exitCode: 134, signal: null } },
    ];
    for (const failure of failures) {
      // No RSS watchdog here (gpu metric): the cell itself dies from b128 up.
      const { advice } = await advise(
        { metric: "gpu", peak: (b) => 100 * MIB + b * MIB, failure: (b) => (b >= 128 ? failure : null) },
        { budgetBytes: 10 * 1024 * MIB },
      );
      expect(advice).toMatchObject({ outcome: "fits", largestBatchSize: 64, nextBatchSize: 128 });
      expect(advice.probes.find((p) => p.batchSize === 128)).toMatchObject({
        fits: false,
        status: failure.status,
        peakBytes: null,
        error: failure.error,
      });
      expect(advice.reason).toContain("b128 ran out of memory");
    }
  });

  it("a failure that is not about memory stops the row and says why", async () => {
    const unsupported = {
      status: "unsupported" as const,
      error: { message: 'backend "wasm" has no kernel "Conv2DBackpropFilter"', code: "KMB_MISSING_KERNEL", kernel: "Conv2DBackpropFilter" },
    };
    const { advice, asked } = await advise({ peak: linear, failure: (b) => (b === 64 ? unsupported : null) });
    expect(asked).toEqual([16, 64]);
    expect(advice).toMatchObject({ outcome: "failed", largestBatchSize: 16, nextBatchSize: null });
    expect(advice.reason).toMatch(/^b64 unsupported: backend "wasm" has no kernel "Conv2DBackpropFilter"; this says nothing about memory/);
    const timeout = {
      status: "crashed" as const,
      error: {
        message: "the cell did not finish within 10 min 00 s (--timeout)",
        code: "KMB_CELL_TIMEOUT",
        exitCode: null,
        signal: "SIGKILL",
      },
    };
    const timedOut = await advise({ peak: linear, failure: (b) => (b === 16 ? timeout : null) });
    expect(timedOut.advice).toMatchObject({ outcome: "failed", largestBatchSize: null, peakBytes: null });
  });

  it("a budget below the smallest batch says so and shows what batch 1 needs", async () => {
    const gpu = await advise({ metric: "gpu", peak: linear }, { budgetBytes: 150 * MIB });
    expect(gpu.advice).toMatchObject({
      outcome: "below-smallest",
      largestBatchSize: null,
      peakBytes: null,
      headroomBytes: null,
      nextBatchSize: 1,
    });
    expect(gpu.advice.reason).toBe("the budget 150 MiB is below the smallest batch: b1 needs 200 MiB (50.1 MiB over)");
    const rss = await advise({ peak: linear }, { budgetBytes: 150 * MIB, grid: batchGrid("powers-of-two", 8, 4096) });
    expect(rss.advice).toMatchObject({ outcome: "below-smallest", nextBatchSize: 8 });
    expect(rss.advice.reason).toBe("the budget 150 MiB is below the smallest batch: b8 was killed at the budget");
    expect(rss.asked.at(-1)).toBe(8);
  });

  it("--max-batch: memory that fits everywhere ends at the largest size allowed, not beyond", async () => {
    const flat = (b: number) => 180 * MIB + b * 100;
    const { advice, asked } = await advise({ peak: flat }, { grid: batchGrid("powers-of-two", 1, 2048) });
    expect(advice).toMatchObject({ outcome: "max-batch", largestBatchSize: 2048, nextBatchSize: null });
    expect(advice.reason).toMatch(/^b2048 fits \(180 MiB, 140 MiB left\); b2048 is --max-batch/);
    expect(Math.max(...asked)).toBe(2048);
    const exact = await advise({ peak: flat }, { grid: batchGrid("exact", 1, 1000) });
    expect(exact.advice).toMatchObject({ outcome: "max-batch", largestBatchSize: 1000 });
  });

  it("--max-probes: stops with the bounds found so far, in words", async () => {
    const { advice, asked } = await advise({ peak: linear }, { maxProbes: 3 });
    expect(asked).toHaveLength(3);
    expect(advice.outcome).toBe("probe-limit");
    expect(advice.reason).toMatch(/^--max-probes 3 used before the answer was pinned down: b512 fits/);
  });

  it("stops probing when the signal aborts, keeping the finished probes", async () => {
    const controller = new AbortController();
    const p = plan();
    const runner = fakeProbeRunner({ peak: linear, budgetBytes: p.budgetBytes });
    const advice = await searchLargestBatch(
      row,
      p,
      async (request) => {
        const probe = await runner(request);
        if (runner.asked.length === 2) controller.abort();
        return probe;
      },
      controller.signal,
    );
    expect(advice.probes.map((x) => x.batchSize)).toEqual([16]);
  });
});

describe("batch grid", () => {
  it("rounds --min-batch up and --max-batch down onto powers of two, and refuses an empty range naming the flags", () => {
    expect(batchGrid("powers-of-two", 3, 1000)).toEqual({ kind: "powers-of-two", min: 4, max: 512 });
    expect(() => batchGrid("powers-of-two", 5, 7)).toThrow(
      "no power of two lies between --min-batch 5 and --max-batch 7 (add --exact to try any integer)",
    );
    expect(() => batchGrid("exact", 9, 8)).toThrow("--min-batch 9 is above --max-batch 8");
  });
});
