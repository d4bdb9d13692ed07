import { describe, expect, it } from "vitest";
import { parseMemoryBytes, parseTextField, unavailableReason } from "../src/index.js";
import { MIB } from "./_fixtures.js";

describe("nvidia-smi fields", () => {
  it("reads memory with or without units as MiB-based bytes", () => {
    expect(parseMemoryBytes("81920")).toBe(81920 * MIB);
    expect(parseMemoryBytes(" 81920 MiB ")).toBe(81920 * MIB);
    expect(parseMemoryBytes("2 GiB")).toBe(2048 * MIB);
    expect(parseMemoryBytes("0")).toBe(0);
  });

  it("gives null for every bracketed reason and for unreadable values", () => {
    for (const field of [
      "[N/A]",
      "N/A",
      "[Not Supported]",
      "[Insufficient Permissions]",
      "[Not Found]",
      "[Unknown Error]",
      "",
      "12 parsecs",
      "-5",
    ]) {
      expect(parseMemoryBytes(field), field).toBeNull();
    }
  });

  it("names the reason a field is empty", () => {
    expect(unavailableReason("[Insufficient Permissions]")).toBe("[Insufficient Permissions]");
    expect(unavailableReason("  ")).toBe("[empty]");
    expect(unavailableReason("NVIDIA H200")).toBeNull();
    expect(parseTextField("[N/A]")).toBeNull();
    expect(parseTextField(" 550.54.15 ")).toBe("550.54.15");
  });
});
