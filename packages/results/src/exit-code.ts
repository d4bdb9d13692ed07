// One rule from an error to the exit code, for every CLI (kmb and each of its commands, pnpm dashboard), so a
// script tells "fix the input" from "the run found a problem" the same way whichever command it called:
//   0         done (and nothing that a flag asked to fail on was found)
//   1         the run failed or found what it was asked to fail on: a regression with --fail-on-regression,
//             a cell that did not finish ok with --strict, a results file that could not be written mid-run,
//             or an error without a KMB_ code (a bug: the stack is printed)
//   2         bad input, nothing was measured or written: a flag or its value, a suite file, a filter or shard,
//             a backend or tfjs version that cannot be used, a results / thresholds / history / advice file that cannot be used
//   130, 143  stopped by SIGINT / SIGTERM (kmb run keeps the cells measured so far)

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERRUPTED = 130;
export const EXIT_TERMINATED = 143;

/** Error codes that mean the command's input cannot be used (exit 2), with the error each belongs to. */
export const BAD_INPUT_ERROR_CODES: Readonly<Record<string, string>> = {
  KMB_USAGE: "harness UsageError: a kmb flag, its value or a missing argument",
  KMB_SUITE_CONFIG: "harness SuiteConfigError: the suite file",
  KMB_MATRIX_SELECTION: "harness MatrixSelectionError: --filter / --shard / --gpu-memory-growth select nothing usable",
  KMB_BACKEND_UNAVAILABLE: "harness BackendUnavailableError: a selected backend is not installed",
  KMB_TFJS_UNSUPPORTED: "harness TfjsVersionError: the installed tfjs is outside the supported range",
  KMB_ADVISE_GRID: "harness BatchGridError: advise's batch range holds no candidate",
  KMB_RESULTS_INVALID: "results ResultsFileError: a results or history file",
  KMB_ADVICE_INVALID: "results AdviceFileError: an advice file",
  KMB_THRESHOLDS_INVALID: "report ThresholdsError: a thresholds file",
  KMB_MERGE_REFUSED: "report MergeError: shard files that do not make one run",
  KMB_DASHBOARD_ARGS: "dashboard DashboardError: a dashboard flag or its value",
  KMB_DASHBOARD_HISTORY: "dashboard DashboardError: --history is not a history checkout",
  KMB_DASHBOARD_NO_RUNS: "dashboard DashboardError: nothing to draw",
};

/** The stable KMB_ code an error carries, or null for an error nobody reported on purpose. */
export function errorCodeOf(error: unknown): string | null {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("KMB_") ? code : null;
}

/** True when the error says the input cannot be used: the CLI prints its message (no stack) and exits 2. */
export function isBadInput(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code !== null && Object.hasOwn(BAD_INPUT_ERROR_CODES, code);
}

/** The exit code of a command that stopped on `error`. */
export function exitCodeFor(error: unknown): typeof EXIT_FAILED | typeof EXIT_BAD_INPUT {
  return isBadInput(error) ? EXIT_BAD_INPUT : EXIT_FAILED;
}
