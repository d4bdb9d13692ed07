import { describe, expect, it } from "vitest";
import { noAdapterMessage, type VulkanDiagnosis } from "../src/index.js";

const base: VulkanDiagnosis = {
  loader: "/usr/lib/x86_64-linux-gnu/libvulkan.so.1",
  icdFiles: [],
  icdOverride: null,
  lavapipeApiVersion: null,
  platform: "linux",
};
const LVP = ["/usr/share/vulkan/icd.d/lvp_icd.x86_64.json", "/usr/share/vulkan/icd.d/radeon_icd.x86_64.json"];

describe("noAdapterMessage", () => {
  it("names the missing loader and driver and the Debian 12 backports commands", () => {
    const message = noAdapterMessage({ ...base, loader: null });
    expect(message).toContain("libvulkan.so.1): missing — install libvulkan1");
    expect(message).toContain("none — no Vulkan driver installed");
    expect(message).toContain("sudo apt-get install -y -t bookworm-backports mesa-vulkan-drivers libvulkan1");
    expect(message).toContain("deb http://deb.debian.org/debian bookworm-backports main");
    expect(message).toContain("sudo bash scripts/install-lavapipe.sh");
  });

  it("says Debian 12's stock lavapipe (manifest api_version 1.1.230, Mesa 22.3) is too old", () => {
    const message = noAdapterMessage({ ...base, icdFiles: LVP, lavapipeApiVersion: "1.1.230" });
    expect(message).toContain("lvp_icd.x86_64.json, radeon_icd.x86_64.json");
    expect(message).toContain("too old for Dawn (Vulkan 1.1.230, Mesa < 23");
    expect(message).not.toContain("missing — install libvulkan1");
  });

  it("does not call a current lavapipe (Mesa 25, api_version 1.4.305) too old", () => {
    const message = noAdapterMessage({ ...base, icdFiles: LVP, lavapipeApiVersion: "1.4.305" });
    expect(message).not.toContain("too old");
    expect(message).toContain("lavapipe is installed but gave no adapter");
  });

  it("blames a VK_DRIVER_FILES override rather than the installed drivers", () => {
    const message = noAdapterMessage({ ...base, icdFiles: LVP, lavapipeApiVersion: "1.1.230", icdOverride: "/tmp/none.json" });
    expect(message).toContain("VK_DRIVER_FILES/VK_ICD_FILENAMES=/tmp/none.json; unset it");
    expect(message).not.toContain("too old");
  });

  it("does not suggest apt off Linux", () => {
    const message = noAdapterMessage({ ...base, platform: "darwin" });
    expect(message).toContain("Metal");
    expect(message).not.toContain("apt-get");
  });
});
