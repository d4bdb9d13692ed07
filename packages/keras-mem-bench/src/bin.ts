#!/usr/bin/env node
// The `kmb` bin of the published package: compiled JavaScript, run by plain `node`. tfjs is the user's:
// without tfjs-core nothing else can load, so that one is checked before the CLI is imported.
import { installedVersion, supportedTfjsRange } from "@keras-mem-bench/harness/tfjs-support";

if (installedVersion("@tensorflow/tfjs-core") === null) {
  process.stderr.write(
    `kmb: @tensorflow/tfjs-core is not installed in this project. keras-mem-bench trains with your tfjs (supported: ${supportedTfjsRange()}):\n` +
      "  npm install --save-dev @tensorflow/tfjs-core @tensorflow/tfjs-layers @tensorflow/tfjs-data @tensorflow/tfjs-backend-wasm\n",
  );
  process.exitCode = 2;
} else {
  await import("@keras-mem-bench/harness/cli");
}
