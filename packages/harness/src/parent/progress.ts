// Live progress over the matrix on stderr: one updating line on a terminal, plain lines in CI and pipes.
import { processIo, type Cell, type CommandIo } from "@keras-mem-bench/results";
import type { MatrixCell } from "../matrix/matrix-cells.js";
import { formatDuration } from "@keras-mem-bench/metrics";

export interface ProgressState {
  total: number;
  finished: number;
  /** Cells running now, with the epoch each has reached. */
  running: Array<{ index: number; cell: MatrixCell; epoch: number; epochs: number }>;
  elapsedMs: number;
  /** Parallel cell processes. */
  jobs: number;
}

/**
 * Remaining time at the pace so far (elapsed ÷ finished cells, which already reflects parallel jobs);
 * null before the first cell finishes.
 */
export function estimateRemainingMs(state: ProgressState): number | null {
  if (state.finished === 0) return null;
  return (state.elapsedMs / state.finished) * (state.total - state.finished);
}

/** "[5/32] lstm/generator/b32/wasm epoch 3/6 · elapsed 21.3 s · ETA 1 min 52 s" */
export function progressLine(state: ProgressState): string {
  const eta = estimateRemainingMs(state);
  const current = state.running.map((r) => `[${r.index + 1}/${state.total}] ${r.cell.id} epoch ${r.epoch}/${r.epochs}`).join(" · ");
  return `${current || `[${state.finished}/${state.total}]`} · elapsed ${formatDuration(state.elapsedMs)} · ETA ${eta === null ? "…" : formatDuration(eta)}`;
}

/** "[5/32] lstm/generator/b32/wasm: ok, stable, 3.2 s", with the caller's note after it when given. */
export function finishedLine(index: number, total: number, cell: Cell, note?: string): string {
  const verdict = cell.verdict ?? "no verdict";
  const detail = cell.status === "ok" ? verdict : `${cell.error?.message ?? "failed"}${cell.verdict ? `; ${verdict}` : ""}`;
  return `[${index + 1}/${total}] ${cell.id}: ${cell.status}, ${detail}, ${formatDuration(cell.durationMs)}${note ? ` · ${note}` : ""}`;
}

export interface ProgressReporter {
  start(total: number, jobs: number): void;
  cellStarted(index: number, cell: MatrixCell, epochs: number): void;
  epochFinished(index: number, epoch: number): void;
  /** `note` says what the caller makes of the cell (advise: whether it fits the budget). */
  cellFinished(index: number, cell: Cell, note?: string): void;
  finish(): void;
  /** The number of cells changed while running (advise learns how many probes a row needs as it goes). */
  setTotal?(total: number): void;
  /** A leaking cell runs again with origin tracking on, to find where its tensors come from. */
  tracingOrigins?(index: number, cell: MatrixCell): void;
}

export function silentProgress(): ProgressReporter {
  return { start() {}, cellStarted() {}, epochFinished() {}, cellFinished() {}, finish() {} };
}

/** Writes to the command's stderr. On a terminal outside CI (`io.interactive`) the status line is redrawn in place twice a second. */
export function streamProgress(io: Pick<CommandIo, "stderr" | "interactive" | "stderrColumns"> = processIo()): ProgressReporter {
  const { interactive } = io;
  const state: ProgressState = { total: 0, finished: 0, running: [], elapsedMs: 0, jobs: 1 };
  let startedAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const now = () => (state.elapsedMs = performance.now() - startedAt);
  const redraw = () => {
    if (!interactive) return;
    now();
    const line = progressLine(state);
    const columns = io.stderrColumns();
    const width = columns ? columns - 1 : 160;
    io.stderr(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
  };
  const clear = () => interactive && io.stderr("\r\x1b[2K");
  return {
    start(total, jobs) {
      state.total = total;
      state.jobs = jobs;
      startedAt = performance.now();
      if (interactive) timer = setInterval(redraw, 500).unref();
    },
    cellStarted(index, cell, epochs) {
      state.running.push({ index, cell, epoch: 0, epochs });
      if (interactive) redraw();
      else io.stderr(`[${index + 1}/${state.total}] ${cell.id}: started\n`);
    },
    epochFinished(index, epoch) {
      const run = state.running.find((r) => r.index === index);
      if (run) run.epoch = epoch;
    },
    setTotal(total) {
      state.total = total;
    },
    tracingOrigins(index, cell) {
      clear();
      io.stderr(
        `[${index + 1}/${state.total}] ${cell.id}: leaking; running it again with origin tracking to find where the tensors come from\n`,
      );
      redraw();
    },
    cellFinished(index, cell, note) {
      state.running = state.running.filter((r) => r.index !== index);
      state.finished++;
      now();
      clear();
      const eta = estimateRemainingMs(state);
      io.stderr(
        `${finishedLine(index, state.total, cell, note)} · elapsed ${formatDuration(state.elapsedMs)}${eta === null || state.finished === state.total ? "" : ` · ETA ${formatDuration(eta)}`}\n`,
      );
      if (state.finished < state.total) redraw();
    },
    finish() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}
