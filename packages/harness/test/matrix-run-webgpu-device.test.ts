// A webgpu cell says which adapter it computed on: lavapipe's figures and a real GPU's are not comparable,
// and a machine with both could pick either. Needs a Vulkan driver (CI installs lavapipe).
import { adapterInfo, describeAdapter } from "@keras-mem-bench/webgpu-node";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { REPO_ROOT, runKmb, TINY_DENSE_ARGS } from "./_run.js";

describe("a webgpu cell's compute device", () => {
  it("is the adapter Dawn gives this process, with whether it is software", async () => {
    const run = await runKmb([
      "--config",
      join(REPO_ROOT, "suites/default.ts"),
      ...TINY_DENSE_ARGS,
      "--filter",
      "strategy=in-memory",
      "--backend",
      "webgpu",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [cell] = run.results!.cells;
    expect(cell?.status, cell?.error?.message).toBe("ok");
    const info = await adapterInfo();
    expect(cell?.computeDevice).toEqual({ description: describeAdapter(info), software: info.isSoftware });
    expect(cell?.computeDevice?.description).not.toBe("");
    expect(run.stdout).toContain(`compute device: ${describeAdapter(info)}${info.isSoftware ? " [software]" : ""}\n`);
  }, 120_000);
});
