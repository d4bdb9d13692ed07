export { defineSuite, type CellContext, type SuiteConfig, type SuiteMatrix } from "./suite/suite-config.js";
export { resolveSuite, SuiteConfigError, SUITE_DEFAULTS, type ResolvedSuite } from "./suite/suite-resolve.js";
export { DEFAULT_SUITE_FILE, loadSuite } from "./suite/suite-load.js";
export {
  applyFilter,
  BACKENDS_WITH_GPU_GROWTH,
  expandMatrix,
  FILTER_KEYS,
  growthWord,
  MatrixSelectionError,
  parseFilters,
  parseShard,
  shardCells,
  type FilterKey,
  type MatrixAxes,
  type MatrixCell,
  type MatrixFilter,
  type Shard,
} from "./matrix/matrix.js";
export {
  analyseCell,
  byteTrend,
  countTrend,
  DEFAULT_VERDICT_RULES,
  leastSquares,
  tCritical99,
  type AnalysisInput,
  type ByteTrend,
  type CellAnalysis,
  type CountTrend,
  type LinearFit,
  type VerdictRules,
} from "./analysis/analysis.js";
export { assertBackendInstalled, BACKENDS, BackendUnavailableError, isBackendName, setUpBackend, type BackendInfo, type BackendName } from "./child/backend-setup.js";
export { allocatorEnv, CellProcess, runCellProcess, type CellRun, type CellRunOptions } from "./parent/cell-runner.js";
export { cellFromRun } from "./parent/cell-result.js";
export type { CellFailure, CellMessage, CellTask } from "./cell-protocol.js";
export { exitFailure, killedFailure, reportedFailure, type KillReason } from "./parent/cell-failure.js";
export { engineHooksInstalled, liveTensors, onTensorDisposed, onTensorMade, tensorBytes, type HookedTensor, type TensorListener, type Unsubscribe } from "./child/engine-hooks.js";
export { batchSample, collectGarbage, epochSample, maxRssBytes, numDataIds, wasmHeapBytes } from "./child/samplers.js";
export { runMatrix, type MatrixRun, type RunMatrixOptions } from "./parent/run-matrix.js";
export { OutFileError, outPathProblem } from "./parent/out-file.js";
export { collectEnvironment, gitState, tfjsVersions } from "./parent/environment.js";
export { estimateRemainingMs, finishedLine, progressLine, silentProgress, streamProgress, type ProgressReporter, type ProgressState } from "./parent/progress.js";
export { renderNotes, renderSummaryTable, renderTotals } from "./cli/summary-table.js";
export { DEFAULT_TIMEOUT_MS, parseRunArgs, RUN_USAGE, UsageError, type RunOptions } from "./cli/cli-options.js";
export { runCommand, selectCells, type CommandIo } from "./cli/command-run.js";
export { main } from "./cli/main.js";
export { formatBytes, formatDuration, formatMiB, formatMs, parseDuration, parseSize } from "./units.js";
// What a suite file needs to add models and pipelines of its own, from the same packages the harness runs.
// tf / tfl are the tfjs-core and tfjs-layers the cells train with, so a suite's own layers and tensors match them.
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
