import { afterEach, describe, expect, it } from "vitest";
import { gpuInventory } from "../src/index.js";
import { installFakeNvidiaSmi, withoutNvidiaSmi, type FakeNvidiaSmi } from "./_fake-nvidia-smi.js";
import { fixture, MIB } from "./_fixtures.js";

let fake: FakeNvidiaSmi | null = null;
afterEach(() => {
  fake?.restore();
  fake = null;
});

describe("gpuInventory", () => {
  it("lists the GPUs as the results file's GpuInfo", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, fixture("query-gpu-mig-host.txt"), "");
    expect(await gpuInventory()).toEqual([
      {
        name: "NVIDIA A100 80GB PCIe",
        memoryTotalBytes: 81920 * MIB,
        driverVersion: "520.61.05",
        uuid: "GPU-41255406-c9af-f94b-4ebf-9d57ad1853da",
      },
      {
        name: "NVIDIA A100-SXM4-80GB",
        memoryTotalBytes: 81920 * MIB,
        driverVersion: "520.61.05",
        uuid: "GPU-7fdaf0a5-179b-f636-d15d-daf243e3ff16",
      },
    ]);
  });

  it("keeps a GPU whose memory it may not read, with a null total", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, fixture("query-gpu-mig-container.txt"), "");
    expect(await gpuInventory()).toEqual([
      {
        name: "NVIDIA A100-SXM4-80GB",
        memoryTotalBytes: null,
        driverVersion: "535.161.08",
        uuid: "GPU-7fdaf0a5-179b-f636-d15d-daf243e3ff16",
      },
    ]);
  });

  it("is null without nvidia-smi, when it fails, and when it lists no GPU", async () => {
    const none = withoutNvidiaSmi();
    try {
      expect(await gpuInventory()).toBeNull();
    } finally {
      none.restore();
    }
    fake = installFakeNvidiaSmi();
    fake.answer(1, fixture("query-gpu-no-devices.txt"), "");
    expect(await gpuInventory()).toBeNull();
    fake.fail("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n");
    expect(await gpuInventory()).toBeNull();
  });

  it("uses an explicit command path", async () => {
    fake = installFakeNvidiaSmi();
    fake.answer(1, fixture("query-gpu-2x-rtx-pro-6000.txt"), "");
    const path = `${fake.dir}/nvidia-smi`;
    const none = withoutNvidiaSmi();
    try {
      expect((await gpuInventory({ command: path }))?.map((g) => g.uuid)).toEqual([
        "GPU-4c395b7a-a7e6-d90f-1ced-d96e8dd68288",
        "GPU-f4f5db98-143f-0a8d-47ce-956fab39a736",
      ]);
    } finally {
      none.restore();
    }
  });
});
