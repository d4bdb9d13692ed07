import { describe, expect, it } from "vitest";
import { formatAdapterInfo, toAdapterInfo } from "../src/index.js";

// GPUAdapterInfo exposes its fields as getters; plain objects with the same fields stand in for it here.
const asInfo = (fields: Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean }) => fields as unknown as GPUAdapterInfo;

describe("toAdapterInfo", () => {
  it("marks lavapipe (Dawn on Mesa llvmpipe) as software", () => {
    // The fields dawn.node 0.6.2 reported on Mesa 25.0.7 lavapipe in this repository's CI image.
    const info = toAdapterInfo(
      asInfo({
        vendor: "mesa",
        architecture: "software",
        device: "llvmpipe-llvm-15-0-6-256-bits-",
        description: "llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1",
      }),
    );
    expect(info).toEqual({
      vendor: "mesa",
      architecture: "software",
      device: "llvmpipe-llvm-15-0-6-256-bits-",
      description: "llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1",
      isSoftware: true,
    });
    expect(formatAdapterInfo(info)).toBe("mesa software (llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1) [software]");
  });

  it("keeps a hardware GPU as hardware", () => {
    const info = toAdapterInfo(asInfo({ vendor: "nvidia", architecture: "hopper", device: "", description: "NVIDIA H100 80GB HBM3" }));
    expect(info.isSoftware).toBe(false);
    expect(formatAdapterInfo(info)).toBe("nvidia hopper (NVIDIA H100 80GB HBM3)");
  });

  it("trusts Dawn's fallback flag and SwiftShader names", () => {
    expect(
      toAdapterInfo(asInfo({ vendor: "google", architecture: "", device: "", description: "", isFallbackAdapter: true })).isSoftware,
    ).toBe(true);
    expect(
      toAdapterInfo(asInfo({ vendor: "google", architecture: "", device: "", description: "SwiftShader Device (Subzero)" })).isSoftware,
    ).toBe(true);
  });

  it("turns a missing info into empty fields rather than throwing", () => {
    expect(toAdapterInfo(undefined)).toEqual({ vendor: "", architecture: "", device: "", description: "", isSoftware: false });
    expect(formatAdapterInfo(toAdapterInfo(undefined))).toBe("unknown adapter");
  });
});
