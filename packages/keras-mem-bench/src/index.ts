// The published API: what a suite file in a user's project imports. Everything here is bundled from the
// workspace packages at build time; tfjs itself stays the user's (peer dependencies).
// tf / tfl are the tfjs-core and tfjs-layers installed in your project, the ones cells train with.
export {
  defineSuite,
  onTensorDisposed,
  onTensorMade,
  tf,
  tfl,
  type CellContext,
  type HookedTensor,
  type SuiteConfig,
  type SuiteMatrix,
  type SuiteOverride,
  type TensorListener,
  type Unsubscribe,
} from "@keras-mem-bench/harness";
export { builtInModels, LAYER_FAMILIES, parameterCount, type LayerFamily, type ModelSpec } from "@keras-mem-bench/models";
export {
  batchRanges,
  builtInPipelines,
  createSampleSource,
  DATASET_STRATEGIES,
  gatherSamples,
  type DatasetStrategy,
  type FitCallbacks,
  type Pipeline,
  type PipelineFactory,
  type PipelineOptions,
  type Sample,
  type SampleSource,
  type SampleSourceSpec,
} from "@keras-mem-bench/pipelines";
export {
  findResultsIssues,
  parseResults,
  readResultsFile,
  RESULTS_SCHEMA_VERSION,
  ResultsFileError,
  resultsSchema,
  type Cell,
  type CellStatus,
  type CellSummary,
  type CellVerdict,
  type EpochSample,
  type ResultsFile,
  type RunEnvironment,
} from "@keras-mem-bench/results";
