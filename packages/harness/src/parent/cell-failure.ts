// How a cell ended when it did not finish, as results-file status + error. Pure.
import type { CellError, CellStatus } from "@keras-mem-bench/results";
import type { CellFailure } from "../cell-protocol.js";
import { formatBytes, formatDuration } from "@keras-mem-bench/metrics";

const MISSING_KERNEL = /Kernel '([^']+)' not registered for backend '([^']+)'/;

/** A failure the cell's process reported itself: a missing kernel is `unsupported`, anything else `error`. */
export function reportedFailure(failure: CellFailure): { status: CellStatus; error: CellError } {
  const kernel = MISSING_KERNEL.exec(failure.message);
  if (kernel) {
    return {
      status: "unsupported",
      error: { message: `backend "${kernel[2]}" has no kernel "${kernel[1]}"`, code: "KMB_MISSING_KERNEL", kernel: kernel[1]! },
    };
  }
  return {
    status: "error",
    error: { message: `${failure.name}: ${failure.message}`, ...(failure.code === undefined ? {} : { code: failure.code }) },
  };
}

export type KillReason =
  { kind: "timeout"; timeoutMs: number; phase?: "boot" } | { kind: "max-rss"; rssBytes: number; maxRssBytes: number };

/** The parent killed the process: a timeout or the RSS watchdog. */
export function killedFailure(reason: KillReason): { status: CellStatus; error: CellError } {
  if (reason.kind === "timeout") {
    const what =
      reason.phase === "boot"
        ? `the cell's process did not finish loading (Node, tsx, tfjs, backend) within ${formatDuration(reason.timeoutMs)}`
        : `the cell did not finish within ${formatDuration(reason.timeoutMs)} (--timeout)`;
    return {
      status: "crashed",
      error: { message: `${what}; the process was killed`, code: "KMB_CELL_TIMEOUT", exitCode: null, signal: "SIGKILL" },
    };
  }
  return {
    status: "crashed",
    error: {
      message: `RSS ${formatBytes(reason.rssBytes)} exceeded --max-rss ${formatBytes(reason.maxRssBytes)}; the process was killed`,
      code: "KMB_MAX_RSS",
      exitCode: null,
      signal: "SIGKILL",
    },
  };
}

/** The process died without reporting and without the harness killing it (signal, exit, V8 or OS out of memory). */
export function exitFailure(exitCode: number | null, signal: string | null, stderrTail: string): { status: CellStatus; error: CellError } {
  const how = signal ? `killed by ${signal}` : `exited with code ${exitCode}`;
  const lastLines = stderrTail
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .slice(-3)
    .join(" | ");
  const oom = /heap out of memory|Reached heap limit|Cannot allocate memory|Out of memory/i.test(stderrTail);
  // The harness's own kills (timeout, --max-rss, Ctrl-C) never get here. A SIGKILL from elsewhere is most often
  // the kernel's OOM killer, which leaves no trace in the process's stderr, so it can only be a likely cause.
  const note = oom
    ? " (out of memory)"
    : signal === "SIGKILL"
      ? " (SIGKILL not sent by the harness: likely the OS out-of-memory killer)"
      : "";
  return {
    status: "crashed",
    error: {
      message: `the cell's process ${how} before finishing${note}${lastLines ? `: ${lastLines}` : ""}`,
      code: oom ? "KMB_OUT_OF_MEMORY" : "KMB_CELL_CRASHED",
      exitCode,
      signal,
    },
  };
}
