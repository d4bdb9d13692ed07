import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerWasmTrainingKernels, WASM_TRAINING_KERNEL_CONFIGS, WASM_TRAINING_KERNELS } from "../src/index.js";
import { initBackends, tf } from "./_backends.js";

// The wasm registry as initBackends left it: ours where this release lacks a kernel, its own elsewhere.
let initial: Map<string, tf.KernelConfig>;
beforeAll(async () => {
  await initBackends();
  initial = new Map(WASM_TRAINING_KERNEL_CONFIGS.map((c) => [c.kernelName, tf.getKernel(c.kernelName, "wasm")!]));
});
afterEach(() => {
  // Leave the registry as the other tests expect it.
  for (const [name, config] of initial) {
    if (tf.getKernel(name, "wasm")?.kernelFunc !== config.kernelFunc) {
      if (tf.getKernel(name, "wasm")) tf.unregisterKernel(name, "wasm");
      tf.registerKernel(config);
    }
  }
});

describe("registerWasmTrainingKernels", () => {
  it("lists the kernels wasm releases lack", () => {
    expect([...WASM_TRAINING_KERNELS].sort()).toEqual([
      "AvgPoolGrad",
      "Conv2DBackpropFilter",
      "DepthwiseConv2dNativeBackpropFilter",
      "DepthwiseConv2dNativeBackpropInput",
      "MaxPoolGrad",
      "UnsortedSegmentSum",
    ]);
  });

  it("leaves the pooling gradients of a wasm release that has them (4.6.0 and later)", () => {
    for (const name of ["MaxPoolGrad", "AvgPoolGrad"]) {
      const config = WASM_TRAINING_KERNEL_CONFIGS.find((c) => c.kernelName === name)!;
      expect(tf.getKernel(name, "wasm")?.kernelFunc, name).not.toBe(config.kernelFunc);
    }
  });

  it("skips every kernel when called again", () => {
    expect(registerWasmTrainingKernels()).toEqual({ registered: [], skipped: [...WASM_TRAINING_KERNELS] });
  });

  it("registers only what is missing, and the op then runs on wasm", async () => {
    await tf.setBackend("wasm");
    tf.unregisterKernel("UnsortedSegmentSum", "wasm");
    const sum = () => tf.tidy(() => tf.unsortedSegmentSum(tf.ones([3, 2]), tf.tensor1d([0, 1, 0], "int32"), 2).arraySync());
    expect(sum).toThrow(/UnsortedSegmentSum/);
    const result = registerWasmTrainingKernels();
    expect(result.registered).toEqual(["UnsortedSegmentSum"]);
    expect(result.skipped).toHaveLength(WASM_TRAINING_KERNELS.length - 1);
    expect(sum()).toEqual([
      [2, 2],
      [1, 1],
    ]);
  });

  it("never replaces a kernel someone else registered", () => {
    tf.unregisterKernel("Conv2DBackpropFilter", "wasm");
    const theirs = () => ({ dataId: {}, shape: [], dtype: "float32" as const });
    tf.registerKernel({ kernelName: "Conv2DBackpropFilter", backendName: "wasm", kernelFunc: theirs });
    expect(registerWasmTrainingKernels().skipped).toContain("Conv2DBackpropFilter");
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")?.kernelFunc).toBe(theirs);
  });
});
