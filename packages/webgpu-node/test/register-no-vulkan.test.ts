// Without a Vulkan driver, registering fails with a coded error that names the packages to install.
// VK_DRIVER_FILES pointing nowhere hides every driver from the Vulkan loader; this file runs in its own
// worker process (vitest isolates test files), so the other tests keep the real drivers.
import { beforeAll, describe, expect, it } from "vitest";
import { adapterInfo, registerWebGpuBackend, WebGpuError } from "../src/index.js";

beforeAll(() => {
  process.env["VK_DRIVER_FILES"] = "/nonexistent/kmb-no-driver.json";
  process.env["VK_ICD_FILENAMES"] = "/nonexistent/kmb-no-driver.json";
});

describe("registerWebGpuBackend without a Vulkan driver", () => {
  it("rejects with KMB_WEBGPU_NO_ADAPTER and the Mesa install commands", async () => {
    const error = await registerWebGpuBackend().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebGpuError);
    expect((error as WebGpuError).code).toBe("KMB_WEBGPU_NO_ADAPTER");
    const message = (error as WebGpuError).message;
    expect(message).toContain("mesa-vulkan-drivers");
    expect(message).toContain("bookworm-backports");
    expect(message).toContain("scripts/install-lavapipe.sh");
    expect(message).toContain("VK_DRIVER_FILES");
  });

  it("adapterInfo rejects the same way instead of returning an empty adapter", async () => {
    await expect(adapterInfo()).rejects.toMatchObject({ code: "KMB_WEBGPU_NO_ADAPTER" });
  });
});
