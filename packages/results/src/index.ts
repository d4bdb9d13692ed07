export { allocatorLabel, cellId, cellKeyOf, type CellKey, type CellKeyInput } from "./cell-id.js";
export {
  HISTORY_INDEX_FILE,
  HISTORY_RUNS_DIR,
  HISTORY_SCHEMA_VERSION,
  historyRunPath,
  type HistoryEntry,
  type HistoryIndex,
} from "./history-types.js";
export { parseHistoryIndex, readHistoryIndex, withHistoryEntry } from "./history-index.js";
export { ResultsFileError, type ResultsIssue } from "./results-error.js";
export { readResultsFile, writeResultsFile } from "./results-file.js";
export {
  CELL_STATUSES,
  CELL_VERDICTS,
  GROWTH_MEMORIES,
  READABLE_SCHEMA_VERSIONS,
  RESULTS_SCHEMA_VERSION,
  TENSOR_PHASES,
  type MemoryParts,
  type ResultsSchemaVersion,
  type BatchSample,
  type Cell,
  type CellError,
  type ComputeDevice,
  type CellGrowth,
  type GrowthMemory,
  type GrowthSeries,
  type HeapConstructorGrowth,
  type LeakOrigin,
  type TensorPhase,
  type CellStatus,
  type CellSummary,
  type CellVerdict,
  type EpochSample,
  type EpochTiming,
  type GpuInfo,
  type ResultsFile,
  type RunEnvironment,
  type SuiteInfo,
} from "./results-types.js";
export { mulberry32 } from "./seeded-random.js";
export { findResultsIssues, parseResults, resultsSchema } from "./validate-results.js";
export { epochTimingOf, syntheticCell, syntheticResults, type SyntheticCellOptions } from "./synthetic-results.js";
export {
  ADVICE_OUTCOMES,
  ADVICE_SCHEMA_VERSION,
  BUDGET_METRICS,
  PROBE_REASONS,
  type Advice,
  type AdviceFile,
  type AdviceOutcome,
  type AdviceProbe,
  type AdviceSearchInfo,
  type BudgetMetric,
  type ProbeReason,
} from "./advice-types.js";
export { readAdviceFile, writeAdviceFile } from "./advice-file.js";
export { AdviceFileError, adviceSchema, findAdviceIssues, parseAdvice } from "./validate-advice.js";
export { bufferedIo, processIo, type CommandIo } from "./command-io.js";
export {
  BAD_INPUT_ERROR_CODES,
  errorCodeOf,
  EXIT_BAD_INPUT,
  EXIT_FAILED,
  EXIT_INTERRUPTED,
  EXIT_OK,
  EXIT_TERMINATED,
  exitCodeFor,
  isBadInput,
} from "./exit-code.js";
