/** A kernel was asked for an attribute value (or input) that the wasm composition does not implement. */
export class UnsupportedAttributeError extends Error {
  readonly code = "KMB_WASM_KERNEL_UNSUPPORTED";
  constructor(
    readonly kernelName: string,
    readonly attribute: string,
    readonly value: unknown,
    readonly supported: string,
  ) {
    super(
      `${kernelName} on the wasm backend does not support ${attribute}=${JSON.stringify(value)}; ` +
        `supported: ${supported} (@keras-mem-bench/wasm-training-kernels).`,
    );
    this.name = "UnsupportedAttributeError";
  }
}
