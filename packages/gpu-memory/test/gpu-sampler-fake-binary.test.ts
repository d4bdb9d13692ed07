// The sampler against a fake nvidia-smi on PATH: real spawning, real timers, outputs in the recorded formats.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startGpuSampler, type GpuSampler } from "../src/index.js";
import { installFakeNvidiaSmi, withoutNvidiaSmi, type FakeNvidiaSmi } from "./_fake-nvidia-smi.js";
import { fixture, MIB } from "./_fixtures.js";

const ME = 3664501; // the pid in compute-apps-2x-rtx-pro-6000.txt

let fake: FakeNvidiaSmi | null = null;
let sampler: GpuSampler | null = null;

afterEach(async () => {
  await sampler?.stop();
  sampler = null;
  fake?.restore();
  fake = null;
});

function gpuLines(usedMib: number): string {
  return fixture("query-gpu-2x-rtx-pro-6000.txt").replace(", 2804, ", `, ${usedMib}, `);
}
function appLines(usedMib: number): string {
  return fixture("compute-apps-2x-rtx-pro-6000.txt").replace(
    `${ME}, GPU-4c395b7a-a7e6-d90f-1ced-d96e8dd68288, 2804`,
    `${ME}, GPU-4c395b7a-a7e6-d90f-1ced-d96e8dd68288, ${usedMib}`,
  );
}

async function untilSamples(s: GpuSampler, fakeSmi: FakeNvidiaSmi, polls: number): Promise<void> {
  // Waits on the fake's own call log, so slow CI only makes the test wait longer, never fail.
  await vi.waitFor(
    () => {
      expect(fakeSmi.calls().filter((c) => c.startsWith("end --query-compute-apps")).length).toBeGreaterThanOrEqual(polls);
      expect(s.latest()).not.toBeNull();
    },
    { timeout: 20_000, interval: 20 },
  );
}

describe("startGpuSampler with nvidia-smi on PATH", () => {
  it("polls repeatedly and reports this process's bytes, total bytes and their peaks", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, gpuLines(100), appLines(90));
    fake.answer(2, gpuLines(900), appLines(880));
    fake.answer(3, gpuLines(300), appLines(280));
    sampler = startGpuSampler({ pid: ME, intervalMs: 10 });
    await untilSamples(sampler, fake, 3);
    const result = await sampler.stop();

    expect(result.available).toBe(true);
    if (!result.available) return;
    expect(result.samples.length).toBeGreaterThanOrEqual(4); // three polls + the one stop() adds
    expect(result.samples[0]?.processUsedBytes).toBe(90 * MIB);
    expect(result.samples[1]?.processUsedBytes).toBe(880 * MIB);
    expect(result.peakProcessUsedBytes).toBe(880 * MIB);
    expect(result.peakTotalUsedBytes).toBe((900 + 164) * MIB);
    expect(result.samples.at(-1)?.processUsedBytes).toBe(280 * MIB);
    expect(result.gpus).toEqual([
      {
        name: "NVIDIA RTX PRO 6000 Blackwell Server Edition",
        memoryTotalBytes: 97887 * MIB,
        driverVersion: "610.43.02",
        uuid: "GPU-4c395b7a-a7e6-d90f-1ced-d96e8dd68288",
      },
      {
        name: "NVIDIA RTX PRO 6000 Blackwell Server Edition",
        memoryTotalBytes: 97887 * MIB,
        driverVersion: "610.43.02",
        uuid: "GPU-f4f5db98-143f-0a8d-47ce-956fab39a736",
      },
    ]);
    expect(result.failures).toEqual([]);
    const times = result.samples.map((s) => s.elapsedMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("never runs two nvidia-smi at once, even when a call takes longer than the interval", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, gpuLines(100), appLines(90));
    fake.sleepSeconds(0.15);
    sampler = startGpuSampler({ pid: ME, intervalMs: 1 });
    await untilSamples(sampler, fake, 2);
    await sampler.stop();
    const calls = fake.calls();
    expect(calls.length).toBeGreaterThanOrEqual(8);
    // Strictly alternating start/end lines: no call started while another was running.
    calls.forEach((line, i) => expect(line.split(" ")[0], `call log line ${i}: ${line}`).toBe(i % 2 === 0 ? "start" : "end"));
    // And nothing runs after stop() resolved.
    const after = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls().length).toBe(after);
  });

  it("records failing calls and keeps polling until nvidia-smi answers", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, gpuLines(100), appLines(90));
    fake.fail("Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 535.161\n");
    sampler = startGpuSampler({ pid: ME, intervalMs: 5 });
    await vi.waitFor(() => expect(fake?.calls().length).toBeGreaterThanOrEqual(6), { timeout: 20_000, interval: 20 });
    fake.heal();
    await untilSamples(sampler, fake, 1);
    const result = await sampler.stop();
    expect(result.available).toBe(true);
    expect(result.failures.length).toBeGreaterThanOrEqual(3);
    expect(result.failures[0]).toMatchObject({ exitCode: 9 });
    expect(result.failures[0]?.message).toContain("exit 9: Failed to initialize NVML: Driver/library version mismatch");
  });

  it("is unavailable, with the reason and the failures, when every call fails", async () => {
    fake = installFakeNvidiaSmi();
    fake.fail(
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n",
    );
    sampler = startGpuSampler({ pid: ME, intervalMs: 5 });
    await vi.waitFor(() => expect(fake?.calls().length).toBeGreaterThanOrEqual(4), { timeout: 20_000, interval: 20 });
    const result = await sampler.stop();
    expect(result.available).toBe(false);
    if (result.available) return;
    expect(result.reason).toContain("couldn't communicate with the NVIDIA driver");
    expect(result.failures.length).toBeGreaterThanOrEqual(2);
    expect(sampler.latest()).toBeNull();
  });

  it("counts 'No devices were found' with exit 0 as a failed poll, not as zero GPUs", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, fixture("query-gpu-no-devices.txt"), "");
    sampler = startGpuSampler({ pid: ME, intervalMs: 5 });
    const result = await sampler.stop();
    expect(result.available).toBe(false);
    expect(result.failures[0]?.message).toContain("no GPU listed: No devices were found");
  });

  it("reports a process nvidia-smi does not list as null while totals still come through", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, gpuLines(100), fixture("compute-apps-none.txt"));
    sampler = startGpuSampler({ pid: ME, intervalMs: 50 });
    const result = await sampler.stop();
    expect(result.available).toBe(true);
    if (!result.available) return;
    expect(result.peakProcessUsedBytes).toBeNull();
    expect(result.peakTotalUsedBytes).toBe((100 + 164) * MIB);
  });
});

describe("startGpuSampler without nvidia-smi", () => {
  it("returns available: false, no GPU fields and no error, and stops polling", async () => {
    const none = withoutNvidiaSmi();
    try {
      sampler = startGpuSampler({ pid: process.pid, intervalMs: 5 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const result = await sampler.stop();
      expect(result).toEqual({ available: false, reason: "nvidia-smi: not found on PATH", failures: [] });
      expect(Object.keys(result)).not.toContain("samples");
      expect(sampler.latest()).toBeNull();
    } finally {
      none.restore();
    }
  });

  it("rejects a non-positive interval by name", () => {
    expect(() => startGpuSampler({ pid: 1, intervalMs: 0 })).toThrow(/intervalMs must be > 0, got 0/);
  });
});
