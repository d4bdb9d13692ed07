// The public API of @keras-mem-bench/harness. Everything else is internal: tests import the module they test.

// Writing a suite file (`kmb --config my-suite.ts`): its type, the tfjs its cells train with, the built-in
// models and pipelines to reuse or extend. tf / tfl are the tfjs-core and tfjs-layers the cells train with,
// so a suite's own layers and tensors match them.
export { defineSuite, type CellContext, type SuiteConfig, type SuiteMatrix, type SuiteOverride } from "./suite/suite-config.js";
export * as tf from "@tensorflow/tfjs-core";
export * as tfl from "@tensorflow/tfjs-layers";
export { builtInModels, LAYER_FAMILIES, parameterCount, type LayerFamily, type ModelSpec } from "@keras-mem-bench/models";
export {
  builtInPipelines,
  batchRanges,
  createSampleSource,
  DATASET_STRATEGIES,
  gatherSamples,
  type DatasetStrategy,
  type Pipeline,
  type PipelineFactory,
  type PipelineOptions,
  type Sample,
  type SampleSource,
} from "@keras-mem-bench/pipelines";
export { BACKENDS, type BackendName } from "./child/backend-setup.js";

// Running: the `kmb` CLI as a function, and the steps it runs (suite → matrix → one process per cell → results)
// for a program that drives them itself (bench/harness-overhead.ts does).
export { main } from "./cli/main.js";
export { DEFAULT_SUITE_FILE, loadSuite } from "./suite/suite-load.js";
export { SuiteConfigError, type ResolvedSuite } from "./suite/suite-resolve.js";
export { expandMatrix, type MatrixAxes, type MatrixCell } from "./matrix/matrix-cells.js";
export { runMatrix, type MatrixRun, type OriginsMode, type RunMatrixOptions } from "./parent/run-matrix.js";
export { silentProgress, streamProgress, type ProgressReporter } from "./parent/progress.js";
export { setUpBackend, type BackendInfo } from "./child/backend-setup.js";

// Watching tensors from inside a cell (a suite's callbacks): every tensor the engine makes and disposes.
export {
  engineHooksInstalled,
  liveTensors,
  onTensorDisposed,
  onTensorMade,
  tensorBytes,
  type HookedTensor,
  type TensorListener,
  type Unsubscribe,
} from "./child/engine-hooks.js";
