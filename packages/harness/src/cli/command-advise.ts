// `kmb advise --budget SIZE …`: for every family × strategy × backend of the suite, the largest batch size
// whose training fits the budget, from real probe cells run through the same loop as `kmb run`.
import { appendFile } from "node:fs/promises";
import { relative } from "node:path";
import { gpuInventory } from "@keras-mem-bench/gpu-memory";
import {
  ADVICE_SCHEMA_VERSION,
  AdviceFileError,
  cellId,
  exitCodeFor,
  processIo,
  writeAdviceFile,
  type CommandIo,
  type Advice,
  type AdviceFile,
  type AdviceProbe,
  type AdviceSearchInfo,
  type Cell,
} from "@keras-mem-bench/results";
import { renderAdviceMarkdown } from "../advise/advice-markdown.js";
import { renderAdviceNotes, renderAdviceTable } from "../advise/advice-table.js";
import { probeNote, rowName, searchLine } from "../advise/advice-words.js";
import { batchGrid, BatchGridError } from "../advise/batch-grid.js";
import { searchLargestBatch, type ProbeRequest } from "../advise/batch-search.js";
import { judgeProbe } from "../advise/probe-judgement.js";
import { estimateProbeTotal } from "../advise/probe-estimate.js";
import { assertBackendInstalled, BackendUnavailableError } from "../child/backend-setup.js";
import { type MatrixCell } from "../matrix/matrix-cells.js";
import { MatrixSelectionError } from "../matrix/selection-error.js";
import { collectEnvironment } from "../parent/environment.js";
import { OutFileError, outPathProblem } from "../parent/out-file.js";
import { streamProgress, type ProgressReporter } from "../parent/progress.js";
import { GPU_BACKENDS, runMatrix } from "../parent/run-matrix.js";
import { DEFAULT_SUITE_FILE, loadSuite } from "../suite/suite-load.js";
import { cellSettings } from "../suite/suite-overrides.js";
import { SuiteConfigError, type ResolvedSuite } from "../suite/suite-resolve.js";
import { formatBytes, formatDuration } from "@keras-mem-bench/metrics";
import { ADVISE_USAGE, parseAdviseArgs, type AdviseOptions } from "./advise-options.js";
import { selectCells } from "./command-run.js";
import { UsageError } from "./usage-error.js";

const EXPECTED_ERRORS = [UsageError, SuiteConfigError, MatrixSelectionError, BackendUnavailableError, BatchGridError];

export async function adviseCommand(
  argv: readonly string[],
  io: CommandIo = processIo(),
  progress: ProgressReporter = streamProgress(io),
): Promise<number> {
  try {
    return await advise(argv, io, progress);
  } catch (error) {
    if (error instanceof OutFileError) {
      io.stderr(`kmb advise: --out "${error.path}": cannot write the advice file: ${(error.cause as Error).message}\n`);
      return exitCodeFor(error);
    }
    if (EXPECTED_ERRORS.some((E) => error instanceof E)) {
      io.stderr(`kmb advise: ${(error as Error).message}\n`);
      if (error instanceof UsageError) io.stderr("Run `kmb advise --help` for the options.\n");
      return exitCodeFor(error);
    }
    throw error;
  }
}

/**
 * The rows to advise: one per family × strategy × backend (× GPU allocator setting) left by the filters and
 * with at least one cell the suite does not skip. A row's batch size is replaced by every probe.
 */
export function adviseRows(suite: ResolvedSuite, options: Pick<AdviseOptions, "backends" | "filters">): MatrixCell[] {
  const rows = new Map<string, MatrixCell>();
  for (const cell of selectCells(suite, { batchSizes: null, backends: options.backends, filters: options.filters, shard: null }).cells) {
    const key = cellId({ ...cell, batchSize: 0 });
    if (!rows.has(key)) rows.set(key, cell);
  }
  return [...rows.values()];
}

function checkMetric(options: AdviseOptions, rows: readonly MatrixCell[]): void {
  if (options.metric === "gpu") {
    const cpuOnly = [...new Set(rows.map((r) => r.backend).filter((b) => !GPU_BACKENDS.has(b)))];
    if (cpuOnly.length > 0) {
      throw new UsageError(
        `--metric gpu: backend ${cpuOnly.join(", ")} keeps its memory in RSS, not on a GPU (GPU backends: ${[...GPU_BACKENDS].join(", ")}); use --metric rss or --backend tensorflow`,
      );
    }
  }
}

async function checkOutputPath(flag: string, path: string | null): Promise<void> {
  if (path === null) return;
  const problem = await outPathProblem(path);
  if (problem !== null) throw new UsageError(`${flag} "${path}": ${problem}`);
}

async function advise(argv: readonly string[], io: CommandIo, progress: ProgressReporter): Promise<number> {
  const options = parseAdviseArgs(argv);
  if (options.help) {
    io.stdout(ADVISE_USAGE);
    return 0;
  }
  await checkOutputPath("--out", options.out);
  await checkOutputPath("--markdown", options.markdown);
  const suite = await loadSuite(options.config ?? DEFAULT_SUITE_FILE, { quick: false });
  const grid = batchGrid(options.exact ? "exact" : "powers-of-two", options.minBatchSize, options.maxBatchSize);
  const rows = adviseRows(suite, options);
  checkMetric(options, rows);
  for (const backend of new Set(rows.map((r) => r.backend))) assertBackendInstalled(backend);

  const search: AdviceSearchInfo = {
    grid: grid.kind,
    minBatchSize: grid.min,
    maxBatchSize: grid.max,
    maxProbes: options.maxProbes,
    epochs: options.epochs,
    samplesPerEpoch: options.samplesPerEpoch ?? suite.samplesPerEpoch,
    timeoutMs: options.timeoutMs,
  };
  const plan = {
    grid,
    budgetBytes: options.budgetBytes,
    startBatchSize: Math.max(grid.min, Math.min(...suite.batchSizes)),
    maxProbes: options.maxProbes,
  };
  const suiteFile = relative(process.cwd(), suite.file) || suite.file;
  io.stderr(
    `kmb advise: suite "${suite.name}" (${suiteFile}): ${rows.length} row${rows.length === 1 ? "" : "s"} · ${searchLine(options.metric, options.budgetBytes, search)}${options.out ? ` → ${options.out}` : ""}\n`,
  );

  const env = collectEnvironment({ gpu: rows.some((r) => GPU_BACKENDS.has(r.backend)) ? await gpuInventory() : null });
  const file: AdviceFile = {
    schemaVersion: ADVICE_SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    suite: { name: suite.name },
    search,
    env,
    advice: [],
  };
  const save = async () => {
    if (options.out === null) return;
    try {
      await writeAdviceFile(options.out, file);
    } catch (error) {
      if (!(error instanceof Error) || error instanceof AdviceFileError) throw error;
      throw new OutFileError(options.out, error);
    }
  };

  const controller = new AbortController();
  let exitSignal: 130 | 143 | undefined;
  const stop = (code: 130 | 143) => () => {
    if (exitSignal) return;
    exitSignal = code;
    io.stderr(`\nkmb advise: ${code === 130 ? "interrupted" : "terminated"}; stopping the running probe…\n`);
    controller.abort();
  };
  const onInt = stop(130);
  const onTerm = stop(143);
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);

  const probesPerFinishedRow: number[] = [];
  let probeIndex = 0;
  const started = performance.now();
  progress.start(
    estimateProbeTotal({ probesPerFinishedRow, probesInCurrentRow: 0, rowsNotStarted: rows.length - 1, maxProbes: options.maxProbes }),
    1,
  );
  try {
    for (const [rowIndex, row] of rows.entries()) {
      let probesInRow = 0;
      const runProbe = async (request: ProbeRequest): Promise<AdviceProbe | null> => {
        const index = probeIndex++;
        const cell: MatrixCell = { ...row, batchSize: request.batchSize, id: cellId({ ...row, batchSize: request.batchSize }) };
        const judge = (finished: Cell) =>
          judgeProbe(finished, { reason: request.reason, metric: options.metric, budgetBytes: options.budgetBytes });
        const run = await runMatrix({
          suite,
          cells: [cell],
          matrixSize: 1,
          shard: null,
          epochs: options.epochs,
          warmupEpochs: options.epochs - 1,
          // What a normal run of this cell would train on (--samples, else the suite's per-cell overrides, else the
          // suite's size), and at least one full batch of its size.
          samplesPerEpoch: Math.max(
            options.samplesPerEpoch ?? cellSettings(suite.overrides, cell).samplesPerEpoch ?? suite.samplesPerEpoch,
            request.batchSize,
          ),
          out: null,
          timeoutMs: options.timeoutMs,
          maxRssBytes: options.metric === "rss" ? options.budgetBytes : null,
          prestart: false,
          progress: probeProgress(progress, index, (finished) => `${request.reason}: ${probeNote(judge(finished), options.budgetBytes)}`),
          signal: controller.signal,
          env,
        });
        const finished = run.results.cells[0];
        if (run.interrupted || finished === undefined) return null;
        probesInRow++;
        progress.setTotal?.(
          estimateProbeTotal({
            probesPerFinishedRow,
            probesInCurrentRow: probesInRow,
            rowsNotStarted: rows.length - rowIndex - 1,
            maxProbes: options.maxProbes,
          }),
        );
        return judge(finished);
      };
      const advice: Advice = await searchLargestBatch({ ...row, metric: options.metric }, plan, runProbe, controller.signal);
      if (controller.signal.aborted) break;
      probesPerFinishedRow.push(advice.probes.length);
      file.advice.push(advice);
      progress.setTotal?.(
        estimateProbeTotal({
          probesPerFinishedRow,
          probesInCurrentRow: null,
          rowsNotStarted: rows.length - rowIndex - 1,
          maxProbes: options.maxProbes,
        }),
      );
      io.stderr(`kmb advise: ${rowName(advice)}: ${advice.reason}\n`);
      await save();
    }
  } finally {
    progress.finish();
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  }

  const wall = performance.now() - started;
  const probes = file.advice.reduce((n, a) => n + a.probes.length, 0);
  if (file.advice.length > 0) {
    io.stdout(`\n${renderAdviceTable(file.advice, search)}\n\n${renderAdviceNotes(file.advice)}\n\n`);
  }
  io.stdout(
    `${searchLine(options.metric, options.budgetBytes, search)}\n${file.advice.length} of ${rows.length} rows · ${probes} probes · wall ${formatDuration(wall)}\n`,
  );
  if (options.markdown !== null && file.advice.length > 0) await appendFile(options.markdown, renderAdviceMarkdown(file));
  if (options.out)
    io.stderr(
      `kmb advise: advice (${file.advice.length} of ${rows.length} rows, budget ${formatBytes(options.budgetBytes)}) in ${options.out}\n`,
    );
  if (controller.signal.aborted) return exitSignal ?? 130;
  return 0;
}

/** The run loop's progress for a one-cell matrix, reported as probe `index` of the whole advise run, with the probe's judgement. */
function probeProgress(overall: ProgressReporter, index: number, note: (cell: Cell) => string): ProgressReporter {
  return {
    start() {},
    cellStarted: (_, cell, epochs) => overall.cellStarted(index, cell, epochs),
    epochFinished: (_, epoch) => overall.epochFinished(index, epoch),
    cellFinished: (_, cell) => overall.cellFinished(index, cell, note(cell)),
    finish() {},
  };
}
