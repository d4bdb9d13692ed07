// `kmb run` (the default command): load the suite, select cells, run them, print the summary.
import { relative } from "node:path";
import { computeDevicesRow, evaluateClaims, renderClaimsTerminal } from "@keras-mem-bench/report";
import { assertBackendInstalled, BackendUnavailableError } from "../child/backend-setup.js";
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_TERMINATED, exitCodeFor, processIo, type CommandIo } from "@keras-mem-bench/results";
import { parseRunArgs, RUN_USAGE, type RunOptions } from "./cli-options.js";
import { BACKENDS_WITH_GPU_GROWTH, expandMatrix, growthWord, type MatrixAxes } from "../matrix/matrix-cells.js";
import { applyFilter, parseFilters } from "../matrix/matrix-filter.js";
import { shardCells } from "../matrix/matrix-shard.js";
import { MatrixSelectionError } from "../matrix/selection-error.js";
import { streamProgress, type ProgressReporter } from "../parent/progress.js";
import { OutFileError, outPathProblem } from "../parent/out-file.js";
import { runMatrix } from "../parent/run-matrix.js";
import { renderNotes, renderSummaryTable, renderTotals } from "./summary-table.js";
import { DEFAULT_SUITE_FILE, loadSuite } from "../suite/suite-load.js";
import { cellSettings } from "../suite/suite-overrides.js";
import { SuiteConfigError, type ResolvedSuite } from "../suite/suite-resolve.js";
import { TfjsVersionError } from "../tfjs-support.js";
import { formatBytes, formatDuration } from "@keras-mem-bench/metrics";
import { UsageError } from "./usage-error.js";

// What a run reports as the user's mistake (message only); anything else, an invalid results file the harness itself
// made included, is a bug and propagates to the CLI entry, which prints its stack.
const EXPECTED_ERRORS = [UsageError, SuiteConfigError, MatrixSelectionError, BackendUnavailableError, TfjsVersionError];

export interface RunCommandOptions {
  /** End with the claims this run's cells can answer (default true; `kmb claims` prints all of them itself). */
  endClaims?: boolean;
  /** Where progress goes (default: the command's stderr). */
  progress?: ProgressReporter;
}

/** Runs `kmb run <argv>` and returns the exit code. */
export async function runCommand(argv: readonly string[], io: CommandIo = processIo(), options: RunCommandOptions = {}): Promise<number> {
  try {
    return await run(argv, io, options.progress ?? streamProgress(io), options.endClaims ?? true);
  } catch (error) {
    if (error instanceof OutFileError) {
      io.stderr(`kmb: --out "${error.path}": cannot write the results file: ${(error.cause as Error).message}\n`);
      return exitCodeFor(error);
    }
    if (EXPECTED_ERRORS.some((E) => error instanceof E)) {
      io.stderr(`kmb: ${(error as Error).message}\n`);
      if (error instanceof UsageError) io.stderr("Run `kmb --help` for the options.\n");
      return exitCodeFor(error);
    }
    throw error;
  }
}

async function run(argv: readonly string[], io: CommandIo, progress: ProgressReporter, endClaims: boolean): Promise<number> {
  const options = parseRunArgs(argv);
  if (options.help) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if (options.out !== null && !options.list) {
    const problem = await outPathProblem(options.out);
    if (problem !== null) throw new UsageError(`--out "${options.out}": ${problem}`);
  }
  const suite = await loadSuite(options.config ?? DEFAULT_SUITE_FILE, { quick: options.quick });
  const epochs = options.epochs ?? suite.epochs;
  const warmupEpochs = options.warmupEpochs ?? suite.warmupEpochs;
  if (warmupEpochs >= epochs) {
    throw new UsageError(
      `--epochs ${epochs} with ${warmupEpochs} warm-up epochs leaves no epoch to judge growth; raise --epochs or lower --warmup-epochs`,
    );
  }
  const samplesPerEpoch = options.samplesPerEpoch ?? suite.samplesPerEpoch;
  const { cells, matrixSize } = selectCells(suite, options);
  // The command line wins over the suite's per-cell settings: --samples and --max-rss are what the user just asked for.
  const perCell = (cell: (typeof cells)[number]) => {
    const { samplesPerEpoch: samples, maxRssBytes } = cellSettings(suite.overrides, cell);
    return {
      ...(options.samplesPerEpoch === null && samples !== undefined ? { samplesPerEpoch: samples } : {}),
      ...(options.maxRssBytes === null && maxRssBytes !== undefined ? { maxRssBytes } : {}),
    };
  };
  const sizes = [...new Set(cells.map((c) => perCell(c).samplesPerEpoch ?? samplesPerEpoch))];
  // A batch larger than the epoch trains the epoch as one short batch: the cell's label would not be what ran.
  const shortBatches = cells.filter((c) => c.batchSize > (perCell(c).samplesPerEpoch ?? samplesPerEpoch));
  if (shortBatches.length > 0) {
    const samplesOf = (c: (typeof cells)[number]) => perCell(c).samplesPerEpoch ?? samplesPerEpoch;
    io.stderr(
      `kmb: warning: ${shortBatches.length} cell${shortBatches.length === 1 ? " has a batch" : "s have batches"} larger than the samples of an epoch, ` +
        `so every step trains fewer samples than the batch size says: ` +
        `${shortBatches.map((c) => `${c.id} (${samplesOf(c)} samples)`).join(", ")}. Raise --samples or leave out those batch sizes.\n`,
    );
  }

  if (options.list) {
    io.stdout(`${cells.map((c) => c.id).join("\n")}\n`);
    return 0;
  }
  for (const backend of new Set(cells.map((c) => c.backend))) assertBackendInstalled(backend);

  const suiteFile = relative(process.cwd(), suite.file) || suite.file;
  io.stderr(
    `kmb: suite "${suite.name}" (${suiteFile})${suite.quick ? ", quick" : ""}: ${cells.length} cell${cells.length === 1 ? "" : "s"}` +
      `${options.shard ? ` (shard ${options.shard.index}/${options.shard.count} of ${matrixSize})` : ""}, ` +
      `${epochs} epochs of ${sizes.sort((a, b) => a - b).join(" / ")} samples (${warmupEpochs} warm-up), one process per cell` +
      `${options.jobs > 1 ? `, ${options.jobs} at a time` : ""}${options.forcedGc ? "" : ", no forced GC"}${options.maxRssBytes === null ? "" : `, --max-rss ${formatBytes(options.maxRssBytes)}`}` +
      `${options.out ? ` → ${options.out}` : ""}\n`,
  );

  const controller = new AbortController();
  let exitSignal: typeof EXIT_INTERRUPTED | typeof EXIT_TERMINATED | undefined;
  const stop = (code: typeof EXIT_INTERRUPTED | typeof EXIT_TERMINATED) => () => {
    if (exitSignal) return;
    exitSignal = code;
    io.stderr(
      `\nkmb: ${code === EXIT_INTERRUPTED ? "interrupted" : "terminated"}; stopping the running cell and writing the results file…\n`,
    );
    controller.abort();
  };
  const onInt = stop(EXIT_INTERRUPTED);
  const onTerm = stop(EXIT_TERMINATED);
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  const started = performance.now();
  let result;
  try {
    result = await runMatrix({
      suite,
      cells,
      matrixSize,
      shard: options.shard,
      epochs,
      warmupEpochs,
      samplesPerEpoch,
      cellSettings: perCell,
      out: options.out,
      timeoutMs: options.timeoutMs,
      maxRssBytes: options.maxRssBytes,
      jobs: options.jobs,
      forcedGc: options.forcedGc,
      diagnostics: { origins: options.origins, originStacks: options.originStacks, heapSnapshots: options.diagnose },
      prestart: options.prestart,
      progress,
      signal: controller.signal,
    });
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  }
  const { results } = result;
  const wall = performance.now() - started;
  if (results.cells.length > 0) {
    io.stdout(`\n${renderSummaryTable(results.cells)}\n\n${renderTotals(results.cells)} · wall ${formatDuration(wall)}\n`);
    // Which GPU the webgpu cells used: lavapipe on the CPU and a real GPU give unrelated figures.
    const [deviceLabel, devices] = computeDevicesRow(results.cells);
    if (devices !== "—") io.stdout(`${deviceLabel}: ${devices}\n`);
    const notes = renderNotes(results.cells);
    if (notes) io.stdout(`\n${notes}\n`);
    if (endClaims) io.stdout(`\n${renderClaimsTerminal(evaluateClaims(results), { answeredOnly: true })}\n`);
  }
  if (options.out) io.stderr(`kmb: results (${results.cells.length} of ${cells.length} cells) in ${options.out}\n`);
  if (result.interrupted) return exitSignal ?? EXIT_INTERRUPTED;
  if (options.strict && results.cells.some((c) => c.status !== "ok")) return EXIT_FAILED;
  return 0;
}

/** Suite axes with the command-line overrides, then filters, then the shard. */
export function selectCells(
  suite: ResolvedSuite,
  options: Pick<RunOptions, "batchSizes" | "backends" | "filters" | "shard"> & Partial<Pick<RunOptions, "gpuMemoryGrowth">>,
) {
  const axes: MatrixAxes = {
    families: suite.families.map((f) => f.family),
    strategies: suite.strategies.map((s) => s.strategy),
    batchSizes: options.batchSizes ?? suite.batchSizes,
    backends: options.backends ?? suite.backends,
    gpuMemoryGrowth: options.gpuMemoryGrowth ?? suite.gpuMemoryGrowth,
  };
  // Like --filter growth=…: a setting no selected backend has would otherwise be silently ignored.
  if (options.gpuMemoryGrowth && !axes.backends.some((b) => BACKENDS_WITH_GPU_GROWTH.includes(b))) {
    throw new MatrixSelectionError(
      `--gpu-memory-growth "${options.gpuMemoryGrowth.map(growthWord).join(",")}": the GPU allocator axis exists only on backend ${BACKENDS_WITH_GPU_GROWTH.join(", ")}, ` +
        `which this matrix does not include (backends: ${axes.backends.join(", ")}; add --backend tensorflow)`,
    );
  }
  const inSuite = expandMatrix(axes).filter((cell) => !cellSettings(suite.overrides, cell).skip);
  const selected = applyFilter(inSuite, parseFilters(options.filters, axes));
  if (selected.length === 0)
    throw new MatrixSelectionError(`the filters ${options.filters.map((f) => `--filter ${f}`).join(" ")} select no cell`);
  const cells = options.shard ? shardCells(selected, options.shard) : selected;
  return { cells, matrixSize: selected.length };
}
