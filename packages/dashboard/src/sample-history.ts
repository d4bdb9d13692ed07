// A generated history for tests, demos and the README screenshot. Built from syntheticCell, so
// every number is made up (suite name "synthetic", and the page says so); the shape follows the
// folklore the suite tests (whole arrays cost more, LSTM is heavy, bigger batches cost more), and
// a few regressions are injected at known commits so tests can check the dashboard finds them.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  HISTORY_INDEX_FILE,
  HISTORY_SCHEMA_VERSION,
  historyRunPath,
  mulberry32,
  syntheticCell,
  syntheticResults,
  writeResultsFile,
  type Cell,
  type HistoryEntry,
  type HistoryIndex,
  type ResultsFile,
} from "@keras-mem-bench/results";
import type { TrendMetricKey } from "./model-types.js";

export interface SampleHistoryOptions {
  commits?: number;
  families?: string[];
  strategies?: string[];
  batchSizes?: number[];
  backends?: string[];
  epochs?: number;
  seed?: number;
  repoUrl?: string;
  /** Time of the first commit; one commit a day after it. */
  start?: string;
}

/** A change the generator made on purpose, so tests can look for its marker. */
export interface InjectedRegression {
  /** First commit index with the change. */
  commit: number;
  /** Cell ids it applies to. */
  cells: string[];
  metric: TrendMetricKey | "status";
  description: string;
}

export interface SampleHistory {
  index: HistoryIndex;
  runs: Array<{ entry: HistoryEntry; results: ResultsFile }>;
  injected: InjectedRegression[];
}

const MiB = 2 ** 20;

const FAMILY = {
  dense: { rss: 260 * MiB, perSample: 0.05 * MiB, ms: 90 },
  lstm: { rss: 410 * MiB, perSample: 0.9 * MiB, ms: 420 },
  conv: { rss: 360 * MiB, perSample: 0.6 * MiB, ms: 300 },
  "depthwise-conv": { rss: 320 * MiB, perSample: 0.3 * MiB, ms: 210 },
} as Record<string, { rss: number; perSample: number; ms: number }>;
const STRATEGY = {
  "in-memory": { rss: 180 * MiB, ms: 0.95 },
  generator: { rss: 24 * MiB, ms: 1.18 },
  "tf-data": { rss: 36 * MiB, ms: 1.0 },
  "file-stream": { rss: 12 * MiB, ms: 1.35 },
} as Record<string, { rss: number; ms: number }>;
const BACKEND = {
  wasm: { rss: 1, ms: 1 },
  cpu: { rss: 0.92, ms: 3.2 },
  tensorflow: { rss: 1.35, ms: 0.45 },
  webgpu: { rss: 1.15, ms: 2.1 },
} as Record<string, { rss: number; ms: number }>;

const MESSAGES = [
  "pipelines: seed the shuffle per epoch",
  "models: name layers after the family",
  "harness: sample RSS after a forced GC",
  "report: align columns in the terminal table",
  "docs: explain the growth verdict",
  "harness: time epochs with tinybench",
  "pipelines: share the sample source between strategies",
  "models: smaller dense hidden layer",
  "ci: cache the pnpm store",
  "harness: kill cells past the RSS watchdog",
  "results: publish the JSON schema",
  "action: sticky comment per workflow",
];

export function sampleHistory(options: SampleHistoryOptions = {}): SampleHistory {
  const commits = options.commits ?? 36;
  if (!Number.isInteger(commits) || commits < 2) throw new Error(`sampleHistory: commits must be an integer ≥ 2, got ${commits}`);
  const families = options.families ?? ["dense", "lstm", "conv", "depthwise-conv"];
  const strategies = options.strategies ?? ["in-memory", "generator", "tf-data", "file-stream"];
  const batchSizes = options.batchSizes ?? [32, 256];
  const backends = options.backends ?? ["wasm"];
  const epochs = options.epochs ?? 10;
  const repoUrl = options.repoUrl ?? "https://github.com/example/keras-mem-bench";
  const start = Date.parse(options.start ?? "2026-09-01T09:00:00.000Z");
  const random = mulberry32(options.seed ?? 7);
  const hex = () => Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join("");
  const bigBatch = Math.max(...batchSizes);
  const smallBatch = Math.min(...batchSizes);

  // Where the injected changes land: fractions of the history, so any length ≥ 10 shows them all.
  const at = (fraction: number) => Math.min(commits - 1, Math.max(1, Math.round(fraction * (commits - 1))));
  const slowFrom = at(0.25);
  const slowUntil = slowFrom + 2;
  const growFrom = at(0.42);
  const heavierFrom = at(0.6);
  const leakFrom = at(0.8);
  const crashAt = commits - 1;
  const crashId = `lstm/in-memory/b${bigBatch}/${backends[0]}`;

  const ids: Record<string, string[]> = { slow: [], grow: [], heavier: [], leak: [] };
  const keys = families.flatMap((family) =>
    strategies.flatMap((strategy) =>
      batchSizes.flatMap((batchSize) => backends.map((backend) => ({ family, strategy, batchSize, backend }))),
    ),
  );

  const runs: SampleHistory["runs"] = [];
  const entries: HistoryEntry[] = [];
  let parent: string | null = null;
  for (let c = 0; c < commits; c++) {
    const sha = hex();
    const committedAt = new Date(start + c * 86_400_000 + Math.floor(random() * 6) * 3_600_000).toISOString();
    const drift = 1 + 0.02 * (random() - 0.5);
    const cells: Cell[] = keys.map((key, k) => {
      const f = FAMILY[key.family] ?? { rss: 300 * MiB, perSample: 0.2 * MiB, ms: 200 };
      const s = STRATEGY[key.strategy] ?? { rss: 20 * MiB, ms: 1 };
      const b = BACKEND[key.backend] ?? { rss: 1, ms: 1 };
      const id = `${key.family}/${key.strategy}/b${key.batchSize}/${key.backend}`;
      let baseRssBytes = (f.rss + s.rss + f.perSample * key.batchSize) * b.rss * drift;
      let epochMs = f.ms * s.ms * b.ms * (64 / key.batchSize) ** 0.35 * (1 + 0.04 * (random() - 0.5));
      let rssBytesPerEpoch = 0;
      let tensorsPerEpoch = 0;
      // The folklore's whole-array LSTM keeps a little memory every epoch, from the first commit on.
      if (key.family === "lstm" && key.strategy === "in-memory") rssBytesPerEpoch = 3 * MiB;
      const tag = (name: string) => {
        if (c === 0) ids[name]?.push(id);
      };
      if (key.family === "dense" && key.strategy === "file-stream") {
        tag("slow");
        if (c >= slowFrom && c <= slowUntil) epochMs *= 1.6;
      }
      if (key.family === "lstm" && key.strategy === "generator" && key.batchSize === bigBatch) {
        tag("grow");
        if (c >= growFrom) rssBytesPerEpoch = 12 * MiB;
      }
      if (key.family === "conv" && key.strategy === "in-memory") {
        tag("heavier");
        if (c >= heavierFrom) baseRssBytes *= 1.3;
      }
      if (key.family === "depthwise-conv" && key.strategy === "tf-data" && key.batchSize === smallBatch) {
        tag("leak");
        if (c >= leakFrom) tensorsPerEpoch = 6;
      }
      const cell = syntheticCell(key, {
        epochs,
        warmupEpochs: 2,
        samplesPerEpoch: 1024,
        baseRssBytes,
        rssBytesPerEpoch,
        tensorsPerEpoch,
        baseTensors: 30 + k,
        epochMs,
        seed: c * 1000 + k + 1,
      });
      if (cell.summary && rssBytesPerEpoch === 0) {
        // A fitted slope of a flat cell is never exactly zero.
        cell.summary.rssBytesPerEpoch = Math.round((random() - 0.5) * 0.4 * MiB);
      }
      if (c === crashAt && id === crashId) return crashed(cell);
      return cell;
    });
    const results = syntheticResults(cells, { sha, createdAt: committedAt });
    const message =
      c === growFrom
        ? "pipelines: cache generator batches between epochs"
        : c === heavierFrom
          ? "pipelines: keep a float32 copy of whole arrays"
          : c === leakFrom
            ? "pipelines: prefetch two batches ahead"
            : c === slowFrom
              ? "pipelines: fsync every shard read"
              : c === slowUntil + 1
                ? "pipelines: drop the per-read fsync"
                : (MESSAGES[Math.floor(random() * MESSAGES.length)] ?? null);
    const entry: HistoryEntry = {
      sha,
      parents: parent ? [parent] : [],
      ref: "refs/heads/main",
      committedAt,
      message,
      url: `${repoUrl}/commit/${sha}`,
      file: historyRunPath(sha),
    };
    entries.push(entry);
    runs.push({ entry, results });
    parent = sha;
  }

  const injected: InjectedRegression[] = [
    {
      commit: slowFrom,
      cells: ids.slow ?? [],
      metric: "meanEpochMs",
      description: "dense/file-stream epochs 60% slower for three commits",
    },
    {
      commit: growFrom,
      cells: ids.grow ?? [],
      metric: "rssBytesPerEpoch",
      description: `lstm/generator/b${bigBatch} starts keeping 12 MiB per epoch`,
    },
    { commit: heavierFrom, cells: ids.heavier ?? [], metric: "peakRssBytes", description: "conv/in-memory peak RSS +30%" },
    {
      commit: leakFrom,
      cells: ids.leak ?? [],
      metric: "tensorsPerEpoch",
      description: `depthwise-conv/tf-data/b${smallBatch} leaks 6 tensors per epoch`,
    },
    {
      commit: crashAt,
      cells: keys.some((k) => `${k.family}/${k.strategy}/b${k.batchSize}/${k.backend}` === crashId) ? [crashId] : [],
      metric: "status",
      description: `${crashId} crashes on the RSS watchdog`,
    },
  ].filter((r) => r.cells.length > 0) as InjectedRegression[];
  return { index: { schemaVersion: HISTORY_SCHEMA_VERSION, entries }, runs, injected };
}

/** What a cell that hit the RSS watchdog looks like: the samples up to the kill, no summary. */
function crashed(cell: Cell): Cell {
  const kept = cell.samples.slice(0, Math.max(1, Math.ceil(cell.samples.length / 2)));
  return {
    ...cell,
    status: "crashed",
    verdict: null,
    samples: kept,
    summary: null,
    durationMs: kept[kept.length - 1]?.elapsedMs ?? 0,
    error: { message: `RSS passed the watchdog limit in epoch ${kept.length + 1}`, code: "KMB_MAX_RSS", exitCode: null, signal: "SIGKILL" },
  };
}

/** Writes a sample history in the history branch's layout; every results file is validated on the way. */
export async function writeSampleHistory(dir: string, options: SampleHistoryOptions = {}): Promise<SampleHistory> {
  const history = sampleHistory(options);
  for (const run of history.runs) await writeResultsFile(join(dir, run.entry.file), run.results);
  const indexPath = join(dir, HISTORY_INDEX_FILE);
  await mkdir(dirname(indexPath), { recursive: true });
  await writeFile(indexPath, `${JSON.stringify(history.index, null, 2)}\n`);
  return history;
}
