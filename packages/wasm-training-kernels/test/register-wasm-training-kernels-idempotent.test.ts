import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerWasmTrainingKernels, WASM_TRAINING_KERNEL_CONFIGS, WASM_TRAINING_KERNELS } from "../src/index.js";
import { initBackends, tf } from "./_backends.js";

beforeAll(initBackends);
afterEach(() => {
  // Leave the registry as the other tests expect it: ours, all four.
  for (const config of WASM_TRAINING_KERNEL_CONFIGS) {
    if (tf.getKernel(config.kernelName, "wasm")?.kernelFunc !== config.kernelFunc) {
      if (tf.getKernel(config.kernelName, "wasm")) tf.unregisterKernel(config.kernelName, "wasm");
      tf.registerKernel(config);
    }
  }
});

describe("registerWasmTrainingKernels", () => {
  it("lists the four kernels wasm lacks", () => {
    expect([...WASM_TRAINING_KERNELS].sort()).toEqual([
      "Conv2DBackpropFilter",
      "DepthwiseConv2dNativeBackpropFilter",
      "DepthwiseConv2dNativeBackpropInput",
      "UnsortedSegmentSum",
    ]);
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
    expect(result.skipped).toHaveLength(3);
    expect(sum()).toEqual([[2, 2], [1, 1]]);
  });

  it("never replaces a kernel someone else registered", () => {
    tf.unregisterKernel("Conv2DBackpropFilter", "wasm");
    const theirs = () => ({ dataId: {}, shape: [], dtype: "float32" as const });
    tf.registerKernel({ kernelName: "Conv2DBackpropFilter", backendName: "wasm", kernelFunc: theirs });
    expect(registerWasmTrainingKernels().skipped).toContain("Conv2DBackpropFilter");
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")?.kernelFunc).toBe(theirs);
  });
});
