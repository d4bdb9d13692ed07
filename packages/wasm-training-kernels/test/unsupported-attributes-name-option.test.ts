import { beforeAll, describe, expect, it } from "vitest";
import { UnsupportedAttributeError } from "../src/index.js";
import { initBackends, tf } from "./_backends.js";

beforeAll(async () => {
  await initBackends();
  await tf.setBackend("wasm");
});

function errorOf(run: () => unknown): unknown {
  try {
    tf.tidy(() => {
      run();
    });
  } catch (error) {
    return error;
  }
  throw new Error("expected the kernel to throw");
}

/** The error of a Conv2DBackpropFilter call: stride 1, same padding, NHWC unless `attrs` says otherwise. */
function conv2dBackpropFilterError(x: tf.Tensor, dy: tf.Tensor, attrs: { filterShape: number[]; dataFormat?: string }): unknown {
  return errorOf(() => tf.engine().runKernel("Conv2DBackpropFilter", { x, dy }, { strides: 1, pad: "same", dataFormat: "NHWC", ...attrs }));
}

describe("unsupported attributes are named in the error", () => {
  it("Conv2DBackpropFilter with NCHW names dataFormat", () => {
    const error = conv2dBackpropFilterError(tf.zeros([1, 2, 5, 5]), tf.zeros([1, 3, 5, 5]), {
      dataFormat: "NCHW",
      filterShape: [3, 3, 2, 3],
    });
    expect(error).toBeInstanceOf(UnsupportedAttributeError);
    expect(error).toMatchObject({ code: "KMB_WASM_KERNEL_UNSUPPORTED", attribute: "dataFormat", value: "NCHW" });
    expect(String(error)).toMatch(/Conv2DBackpropFilter.*dataFormat="NCHW".*'NHWC'/);
  });

  it("depthwise gradients with both strides and dilations above 1 name dilations", () => {
    const strided = (kernel: string, inputs: Record<string, tf.Tensor>, shapes: Record<string, number[]>) =>
      errorOf(() => tf.engine().runKernel(kernel, inputs, { strides: 2, dilations: 2, pad: "same", ...shapes }));
    const filterError = strided(
      "DepthwiseConv2dNativeBackpropFilter",
      { x: tf.zeros([1, 8, 8, 2]), dy: tf.zeros([1, 4, 4, 2]) },
      { filterShape: [3, 3, 2, 1] },
    );
    const inputError = strided(
      "DepthwiseConv2dNativeBackpropInput",
      { dy: tf.zeros([1, 4, 4, 2]), filter: tf.zeros([3, 3, 2, 1]) },
      { inputShape: [1, 8, 8, 2] },
    );
    for (const error of [filterError, inputError]) {
      expect(error).toBeInstanceOf(UnsupportedAttributeError);
      expect(error).toMatchObject({ attribute: "dilations" });
    }
  });

  it("non-float inputs name the input's dtype", () => {
    const error = conv2dBackpropFilterError(tf.zeros([1, 4, 4, 1], "int32"), tf.zeros([1, 4, 4, 1]), { filterShape: [3, 3, 1, 1] });
    expect(error).toMatchObject({ attribute: "x.dtype", value: "int32" });
  });

  it("a dy that does not fit the convolution names both shapes", () => {
    const error = conv2dBackpropFilterError(tf.zeros([1, 6, 6, 1]), tf.zeros([1, 5, 5, 1]), { filterShape: [3, 3, 1, 1] });
    expect(String(error)).toMatch(/dy has shape \[1,5,5,1\].*\[1,6,6,1\]/);
  });
});
