// Benchmark (not a test): how long a cell's process takes from spawn to "loaded" (Node, the harness, tfjs,
// the suite and the backend ready; the moment the parent may send "go"), for every cell of the default suite,
// started two ways, interleaved cell by cell so machine noise hits both alike:
//
//   compiled   the published package: plain `node` on dist/cell-child.js, the suite compiled to
//              dist/default-suite.js (what `pnpm bench` and a user's `npx kmb` run)
//   sources    the TypeScript sources through tsx's loader (what the harness's own tests run)
//
// Each process is killed once it is loaded: nothing trains, so the figure is start-up alone. The cells run
// one at a time (a real run starts the next cell's process while the current one trains).
//
//   corepack pnpm --filter keras-mem-bench build --js-only
//   corepack pnpm exec tsx --conditions=kmb-source bench/cell-startup.ts [--cells 48] [--only compiled|sources]
// (kmb-source: the suites' `import "keras-mem-bench"` resolves to its sources, as in the harness's tests.)
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_SUITE_FILE, expandMatrix, loadSuite, type MatrixCell } from "@keras-mem-bench/harness";

const CELL_TASK_ENV = "KMB_CELL_TASK";
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const WAYS = {
  compiled: {
    entry: root("packages/keras-mem-bench/dist/cell-child.js"),
    execArgv: ["--expose-gc"],
    suiteFile: root("packages/keras-mem-bench/dist/default-suite.js"),
  },
  sources: {
    entry: root("packages/harness/src/child/cell-child.ts"),
    execArgv: ["--expose-gc", "--conditions=kmb-source", "--import", TSX],
    suiteFile: DEFAULT_SUITE_FILE,
  },
} as const;
type Way = keyof typeof WAYS;

/** CPU time (user + system, ms) the process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields after the command name: state is 3rd, utime 14th, stime 15th (in clock ticks, 100 per second).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
      .replace(/^.*\) /, "")
      .split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * ms from spawn until the process said "loaded" (the parent's clock), the process's own bootMs, and the CPU
 * time it used to get there: on a machine shared with other jobs the wall figures stretch with the load, CPU
 * time much less.
 */
function startOnce(way: Way, cell: MatrixCell): Promise<{ spawnToLoadedMs: number; bootMs: number; cpuMs: number }> {
  const { entry, execArgv, suiteFile } = WAYS[way];
  const task = { cell, suiteFile, quick: false, epochs: 10, samplesPerEpoch: 1024, seed: 42, forcedGc: true, tmpDir: null };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = fork(entry, [], {
      execArgv: [...execArgv],
      env: { ...process.env, [CELL_TASK_ENV]: JSON.stringify(task) },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("message", (message: { type: string; bootMs?: number; failure?: { message: string } }) => {
      if (message.type === "failed") reject(new Error(`${way} ${cell.id}: ${message.failure?.message}`));
      if (message.type === "loaded") {
        const spawnToLoadedMs = performance.now() - started;
        const cpuMs = cpuMsOf(child.pid);
        child.kill("SIGKILL");
        resolve({ spawnToLoadedMs, bootMs: message.bootMs ?? NaN, cpuMs });
      }
    });
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`${way} ${cell.id}: exited ${code ?? signal} before loading\n${stderr}`));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const { values } = parseArgs({ options: { cells: { type: "string" }, only: { type: "string" } } });
const ways = (values.only === undefined ? ["compiled", "sources"] : [values.only]) as Way[];
for (const way of ways) if (!(way in WAYS)) throw new Error(`--only ${way}: expected compiled or sources`);

const suite = await loadSuite(DEFAULT_SUITE_FILE, { quick: false });
const axes = { ...suite, families: suite.families.map((f) => f.family), strategies: suite.strategies.map((s) => s.strategy) };
const cells = expandMatrix(axes).slice(0, values.cells === undefined ? undefined : Number(values.cells));
const load = () => loadavg()[0]!.toFixed(1);
process.stdout.write(
  `cell start-up, default suite: ${cells.length} cells × ${ways.join(" + ")}; ${cpus().length} CPUs, load ${load()} at start\n`,
);

const figures: Record<Way, { spawnToLoadedMs: number[]; bootMs: number[]; cpuMs: number[] }> = {
  compiled: { spawnToLoadedMs: [], bootMs: [], cpuMs: [] },
  sources: { spawnToLoadedMs: [], bootMs: [], cpuMs: [] },
};
for (const cell of cells) {
  for (const way of ways) {
    const { spawnToLoadedMs, bootMs, cpuMs } = await startOnce(way, cell);
    figures[way].spawnToLoadedMs.push(spawnToLoadedMs);
    figures[way].bootMs.push(bootMs);
    figures[way].cpuMs.push(cpuMs);
  }
}
for (const way of ways) {
  const { spawnToLoadedMs, bootMs, cpuMs } = figures[way];
  process.stdout.write(
    `${way.padEnd(9)} spawn → loaded median ${median(spawnToLoadedMs).toFixed(0)} ms (min ${Math.min(...spawnToLoadedMs).toFixed(0)}, max ${Math.max(...spawnToLoadedMs).toFixed(0)}); ` +
      `the process's own bootMs median ${median(bootMs).toFixed(0)} ms; CPU time to loaded median ${median(cpuMs).toFixed(0)} ms (min ${Math.min(...cpuMs).toFixed(0)})\n`,
  );
}
process.stdout.write(`load ${load()} at end\n`);
