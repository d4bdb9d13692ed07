// Entry point of a cell's process (forked by cell-runner with --expose-gc and the tsx loader).
// Loads modules, suite and backend, says "loaded", waits for "go", trains, streams messages,
// and exits 0 only after "done". The wait lets the parent start the next cell's process while
// the current cell trains, so process start-up stays off the run's critical path.
import { CELL_TASK_ENV, type CellFailure, type CellMessage, type CellTask, type GoMessage } from "../cell-protocol.js";

let pending = 0;
let drained: (() => void) | undefined;

function send(message: CellMessage): void {
  if (!process.send) return;
  pending++;
  process.send(message, undefined, {}, () => {
    pending--;
    if (pending === 0) drained?.();
  });
}

/** Resolves once every message sent so far is written; awaiting it lets the event loop reach the channel's I/O. */
function flush(): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => {
    drained = () => {
      drained = undefined;
      resolve();
    };
  });
}

function failureOf(error: unknown): CellFailure {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      ...(error.stack === undefined ? {} : { stack: error.stack }),
      ...(typeof code === "string" ? { code } : {}),
    };
  }
  return { name: "Error", message: String(error) };
}

async function fail(error: unknown): Promise<never> {
  send({ type: "failed", failure: failureOf(error) });
  await flush();
  process.exit(1);
}

process.on("uncaughtException", (error) => void fail(error));
process.on("unhandledRejection", (error) => void fail(error));
// Ctrl-C, or a SIGTERM sent to the process group, reaches this process too. The parent decides what happens
// to a running cell (it leaves an interrupted one out and kills it with SIGKILL); dying here first would
// record the cell as crashed.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});
// Orphaned (the parent died): nobody would read the results.
process.on("disconnect", () => process.exit(1));

// Listen before the slow imports: "go" can arrive while modules are still loading.
let go: () => void = () => {};
const goReceived = new Promise<void>((resolve) => (go = resolve));
process.on("message", (message: GoMessage) => {
  if (message?.type === "go") go();
});

const raw = process.env[CELL_TASK_ENV];
if (!raw || !process.send) {
  console.error(`cell-child: run by the harness only (needs an IPC channel and ${CELL_TASK_ENV})`);
  process.exit(2);
}
try {
  const task = JSON.parse(raw) as CellTask;
  const { prepareCell } = await import("./cell-train.js");
  const prepared = await prepareCell(task);
  send({ type: "loaded", bootMs: performance.now(), computeDevice: prepared.computeDevice });
  await goReceived;
  await prepared.train(send, flush);
  await flush();
  process.exit(0);
} catch (error) {
  await fail(error);
}
