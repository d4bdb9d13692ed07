// `kmb run` flags → typed options. Pure; every error names the flag and the value it got.
import { BACKENDS, isBackendName } from "../child/backend-setup.js";
import { growthWord, parseGrowthWord } from "../matrix/matrix-cells.js";
import { parseShard, type Shard } from "../matrix/matrix-shard.js";
import type { OriginsMode } from "../parent/run-matrix.js";
import { parseDuration, parseSize } from "@keras-mem-bench/metrics";
import { parseFlags } from "./command-args.js";
import { UsageError } from "./usage-error.js";

export interface RunOptions {
  help: boolean;
  quick: boolean;
  list: boolean;
  strict: boolean;
  /** Full GC before each epoch-end sample; --no-gc turns it off. */
  forcedGc: boolean;
  /** Start the next cell's process while the current one trains (default); --no-prestart waits. */
  prestart: boolean;
  config: string | null;
  out: string | null;
  filters: string[];
  batchSizes: number[] | null;
  backends: string[] | null;
  /** Replaces the suite's GPU allocator settings (tensorflow backend): true = grow on demand. */
  gpuMemoryGrowth: boolean[] | null;
  epochs: number | null;
  warmupEpochs: number | null;
  samplesPerEpoch: number | null;
  shard: Shard | null;
  maxRssBytes: number | null;
  timeoutMs: number;
  jobs: number;
  /** Where tensors were made: traced in a second run of each leaking cell (default), in every run (--origins), never (--no-origins). */
  origins: OriginsMode;
  /** --origin-stacks: also the top JS frames outside tfjs for every tensor. */
  originStacks: boolean;
  /** --diagnose: V8 heap snapshots after two epochs past warm-up, diffed by constructor. */
  diagnose: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export const RUN_USAGE = `Usage: kmb [run] [options]        (npx kmb …; in this repository: pnpm bench …)

Runs the memory-growth matrix (strategy × batch size × family × backend), one process per cell,
and writes a results file. Progress goes to stderr, the summary table to stdout.

Options:
  --quick                 the suite's quick matrix (fewer epochs, samples, batch sizes)
  --config FILE           suite file, TypeScript or JavaScript (default: the built-in default suite);
                          kmb init writes a starter one
  --out FILE              results file, rewritten after every cell (default: none, table only); its
                          folder must be writable (missing folders are created)
  --filter KEY=V1,V2      keep cells whose KEY is one of the values; KEY: family, strategy, batch,
                          backend, growth (on/off); repeatable (all must match)
  --batch-sizes N,N       replace the suite's batch sizes (each at most once, as in every list flag)
  --backend NAME[,NAME]   replace the suite's backends: ${BACKENDS.join(", ")}
  --gpu-memory-growth on,off
                          GPU allocator settings for backend tensorflow (default: both): on = grow
                          on demand (TF_FORCE_GPU_ALLOW_GROWTH=true), off = take the memory up front;
                          an error when no selected backend is tensorflow
  --epochs N              epochs per cell
  --warmup-epochs N       epochs left out of the growth slopes
  --samples N             training samples per epoch (kmb warns about cells whose batch is larger)
  --shard I/N             run the I-th of N slices of the matrix for parallel CI jobs: cells dealt
                          round-robin in matrix order (cell k to shard k mod N + 1)
  --max-rss SIZE          kill a cell whose RSS exceeds SIZE (e.g. 512M, 2G): status crashed
  --timeout DURATION      kill a cell that runs longer (e.g. 90s, 5m; default 10m), counted from when
                          its process has loaded: status crashed
  --no-prestart           start each cell's process only when its turn comes: slower, but no process
                          loads next to a timed epoch
  --no-gc                 no forced GC before epoch-end samples: epoch times without the re-optimization
                          a full GC causes, but heap and external bytes then include garbage
  --jobs N                cells run in parallel (default 1; more skews the timings)
  --origins               record where each tensor was made (op, layer, phase) in every cell's
                          measured run (costs a few % of epoch CPU); by default only a cell judged
                          leaking runs again with origin tracking, and its leak origins come from there
  --no-origins            never record where tensors were made; leak origins are then missing
  --origin-stacks         also record the top JS frames outside tfjs for each tensor (slow: a stack
                          trace per tensor)
  --diagnose              V8 heap snapshots after the first epoch past warm-up and after the last,
                          diffed by constructor: what a growing JS heap holds (slow, more memory)
  --list                  print the selected cells and exit
  --strict                exit 1 when any cell is not ok
  --help                  this text

Other commands:
  kmb compare BASE HEAD   compare two results files (kmb compare --help)
  kmb merge FILES… --out  merge shard results into one file (kmb merge --help)
  kmb advise --budget SIZE
                          the largest batch size under a memory budget, per family × strategy × backend
                          (kmb advise --help)
  kmb claims [--from F]   run the claims suite, or read F, and check the articles' claims (kmb claims --help)
  kmb heatmap FILE        the matrix of a run as an SVG (kmb heatmap --help)
  kmb init                write a starter suite and a benchmark workflow into this project (kmb init --help)
`;

/** An integer flag ≥ minimum; null when the flag was not given. */
export function positiveInt(flag: string, value: string | undefined, minimum = 1): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value.trim()) || Number(value) < minimum) throw new UsageError(`${flag} "${value}": expected an integer ≥ ${minimum}`);
  return Number(value);
}

/** "a, b,,c" → ["a", "b", "c"]. */
function listEntries(raw: string): string[] {
  return raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** A repeated entry would expand into cells with the same id, so it is refused here, naming it. */
function rejectRepeats<T>(flag: string, raw: string, values: T[], show: (value: T) => string): T[] {
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) throw new UsageError(`${flag} "${raw}": "${show(value)}" is listed more than once`);
    seen.add(value);
  }
  return values;
}

/** `--backend NAME[,NAME]`: known backend names, each once. */
export function parseBackendFlag(raw: string): string[] {
  const backends = listEntries(raw);
  const unknown = backends.find((b) => !isBackendName(b));
  if (backends.length === 0 || unknown !== undefined)
    throw new UsageError(`--backend "${raw}": unknown backend "${unknown ?? ""}" (known: ${BACKENDS.join(", ")})`);
  return rejectRepeats("--backend", raw, backends, (b) => b);
}

/** --timeout as milliseconds (run and advise read it alike); DEFAULT_TIMEOUT_MS when not given. */
export function parseTimeoutFlag(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = parseDuration(raw);
  if (ms === null) throw new UsageError(`--timeout "${raw}": expected a duration like 90s, 5m or 1500ms`);
  return ms;
}

export function parseRunArgs(argv: readonly string[]): RunOptions {
  const parsed = parseFlags(argv, {
    help: { type: "boolean", short: "h" },
    quick: { type: "boolean" },
    list: { type: "boolean" },
    strict: { type: "boolean" },
    "no-gc": { type: "boolean" },
    "no-prestart": { type: "boolean" },
    origins: { type: "boolean" },
    "no-origins": { type: "boolean" },
    "origin-stacks": { type: "boolean" },
    diagnose: { type: "boolean" },
    config: { type: "string" },
    out: { type: "string" },
    filter: { type: "string", multiple: true },
    "batch-sizes": { type: "string" },
    backend: { type: "string" },
    "gpu-memory-growth": { type: "string" },
    epochs: { type: "string" },
    "warmup-epochs": { type: "string" },
    samples: { type: "string" },
    shard: { type: "string" },
    "max-rss": { type: "string" },
    timeout: { type: "string" },
    jobs: { type: "string" },
  });
  const v = parsed.values;

  let batchSizes: number[] | null = null;
  if (v["batch-sizes"] !== undefined) {
    const raw = v["batch-sizes"];
    const parts = listEntries(raw);
    if (parts.length === 0) throw new UsageError(`--batch-sizes "${raw}": expected a list like 16,32,64`);
    batchSizes = rejectRepeats(
      "--batch-sizes",
      raw,
      parts.map((p) => positiveInt(`--batch-sizes "${raw}": entry`, p)!),
      String,
    );
  }
  const backends = v.backend === undefined ? null : parseBackendFlag(v.backend);
  let gpuMemoryGrowth: boolean[] | null = null;
  if (v["gpu-memory-growth"] !== undefined) {
    const raw = v["gpu-memory-growth"];
    const settings = listEntries(raw).map(parseGrowthWord);
    if (settings.length === 0 || settings.includes(null)) throw new UsageError(`--gpu-memory-growth "${raw}": expected on, off or on,off`);
    gpuMemoryGrowth = rejectRepeats("--gpu-memory-growth", raw, settings as boolean[], growthWord);
  }
  let maxRssBytes: number | null = null;
  if (v["max-rss"] !== undefined) {
    maxRssBytes = parseSize(v["max-rss"]);
    if (maxRssBytes === null) throw new UsageError(`--max-rss "${v["max-rss"]}": expected a size like 512M or 2G`);
  }
  const timeoutMs = parseTimeoutFlag(v.timeout);
  let shard: Shard | null = null;
  if (v.shard !== undefined) {
    try {
      shard = parseShard(v.shard);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  if (v["origin-stacks"] && v["no-origins"]) throw new UsageError("--origin-stacks needs origins: drop --no-origins");
  if (v.origins && v["no-origins"]) throw new UsageError("--origins and --no-origins contradict each other: keep one");
  if (v.out !== undefined && v.out.trim() === "") throw new UsageError(`--out "": expected a file path`);
  if (v.config !== undefined && v.config.trim() === "") throw new UsageError(`--config "": expected a suite file path`);

  return {
    help: v.help ?? false,
    quick: v.quick ?? false,
    list: v.list ?? false,
    strict: v.strict ?? false,
    forcedGc: !(v["no-gc"] ?? false),
    prestart: !(v["no-prestart"] ?? false),
    config: v.config ?? null,
    out: v.out ?? null,
    filters: v.filter ?? [],
    batchSizes,
    backends,
    gpuMemoryGrowth,
    epochs: positiveInt("--epochs", v.epochs),
    warmupEpochs: positiveInt("--warmup-epochs", v["warmup-epochs"], 0),
    samplesPerEpoch: positiveInt("--samples", v.samples),
    shard,
    maxRssBytes,
    timeoutMs,
    jobs: positiveInt("--jobs", v.jobs) ?? 1,
    origins: v["no-origins"] ? "never" : v.origins ? "always" : "leaking",
    originStacks: v["origin-stacks"] ?? false,
    diagnose: v.diagnose ?? false,
  };
}
