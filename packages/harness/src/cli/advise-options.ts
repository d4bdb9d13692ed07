// `kmb advise` flags → typed options. Pure; every error names the flag and the value it got.
import { BUDGET_METRICS, type BudgetMetric } from "@keras-mem-bench/results";
import { BACKENDS } from "../child/backend-setup.js";
import { parseSize } from "@keras-mem-bench/metrics";
import { parseBackendFlag, parseTimeoutFlag, positiveInt } from "./cli-options.js";
import { parseFlags } from "./command-args.js";
import { UsageError } from "./usage-error.js";

export interface AdviseOptions {
  help: boolean;
  budgetBytes: number;
  metric: BudgetMetric;
  config: string | null;
  filters: string[];
  backends: string[] | null;
  /** Every integer is a candidate, not only powers of two. */
  exact: boolean;
  minBatchSize: number;
  maxBatchSize: number;
  maxProbes: number;
  /** Epochs per probe. */
  epochs: number;
  /** Samples per epoch of a probe (raised to the batch size when smaller); null: the suite's. */
  samplesPerEpoch: number | null;
  timeoutMs: number;
  out: string | null;
  markdown: string | null;
}

export const ADVISE_DEFAULTS = { metric: "rss", minBatchSize: 1, maxBatchSize: 4096, maxProbes: 10, epochs: 2 } as const;

export const ADVISE_USAGE = `Usage: kmb advise --budget SIZE [options]    (npx kmb advise …; in this repository: pnpm bench advise …)

Finds, for each family × strategy × backend of the suite, the largest batch size whose training fits a memory
budget. Each probe is a real cell in its own process (killed at the budget for --metric rss): two start probes
give a line of memory against batch size, the line predicts the largest size under the budget, that size and
the next one up are run to verify it, and a miss is bisected. A probe killed at the budget is an answer, not a
failure. Progress goes to stderr, the table to stdout.

Options:
  --budget SIZE           the memory budget (e.g. 320M, 2G; binary units); required
  --metric rss|step|gpu   what the budget limits (default rss): rss = the cell process's peak RSS (killed when
                          it goes above, as --max-rss does); step = the step peak, live tensor bytes inside one
                          training step; gpu = GPU memory of the process (backends tensorflow, webgpu)
  --config FILE           suite file (default: the built-in default suite)
  --filter KEY=V1,V2      keep rows whose KEY is one of the values; KEY: family, strategy, backend, growth;
                          repeatable (the batch size is what advise chooses)
  --backend NAME[,NAME]   replace the suite's backends: ${BACKENDS.join(", ")}
  --exact                 try any integer batch size (default: powers of two)
  --min-batch N           smallest batch size to consider (default ${ADVISE_DEFAULTS.minBatchSize})
  --max-batch N           largest batch size to consider (default ${ADVISE_DEFAULTS.maxBatchSize})
  --max-probes N          most probes per row (default ${ADVISE_DEFAULTS.maxProbes})
  --epochs N              epochs per probe (default ${ADVISE_DEFAULTS.epochs}: the first settles the allocators, the second repeats the step)
  --samples N             samples per epoch of a probe (default: the suite's), raised to the batch size when smaller
  --timeout DURATION      kill a probe that runs longer (default 10m): the row stops, as a failure
  --out FILE              advice file (JSON, packages/results/schema/advice.schema.json)
  --markdown FILE         append the table as markdown (e.g. "$GITHUB_STEP_SUMMARY")
  --help                  this text
`;

/** The filter keys advise accepts: the batch size is its answer, so it cannot be filtered. */
export function checkAdviseFilters(filters: readonly string[]): void {
  for (const filter of filters) {
    if (/^\s*batch\s*=/.test(filter))
      throw new UsageError(`--filter "${filter}": advise chooses the batch size itself; use --min-batch / --max-batch to bound it`);
  }
}

export function parseAdviseArgs(argv: readonly string[]): AdviseOptions {
  const parsed = parseFlags(argv, {
    help: { type: "boolean", short: "h" },
    budget: { type: "string" },
    metric: { type: "string" },
    config: { type: "string" },
    filter: { type: "string", multiple: true },
    backend: { type: "string" },
    exact: { type: "boolean" },
    "min-batch": { type: "string" },
    "max-batch": { type: "string" },
    "max-probes": { type: "string" },
    epochs: { type: "string" },
    samples: { type: "string" },
    timeout: { type: "string" },
    out: { type: "string" },
    markdown: { type: "string" },
  });
  const v = parsed.values;
  const help = v.help ?? false;
  let budgetBytes = 0;
  if (v.budget === undefined) {
    if (!help) throw new UsageError("--budget SIZE is required (e.g. --budget 320M)");
  } else {
    const parsedBudget = parseSize(v.budget);
    if (parsedBudget === null) throw new UsageError(`--budget "${v.budget}": expected a size like 320M or 2G`);
    budgetBytes = parsedBudget;
  }
  const metric = v.metric ?? ADVISE_DEFAULTS.metric;
  if (!(BUDGET_METRICS as readonly string[]).includes(metric))
    throw new UsageError(`--metric "${metric}": expected one of ${BUDGET_METRICS.join(", ")}`);
  const timeoutMs = parseTimeoutFlag(v.timeout);
  for (const flag of ["out", "markdown", "config"] as const) {
    if (v[flag] !== undefined && v[flag].trim() === "") throw new UsageError(`--${flag} "": expected a file path`);
  }
  const filters = v.filter ?? [];
  checkAdviseFilters(filters);
  const minBatchSize = positiveInt("--min-batch", v["min-batch"]) ?? ADVISE_DEFAULTS.minBatchSize;
  const maxBatchSize = positiveInt("--max-batch", v["max-batch"]) ?? ADVISE_DEFAULTS.maxBatchSize;
  return {
    help,
    budgetBytes,
    metric: metric as BudgetMetric,
    config: v.config ?? null,
    filters,
    backends: v.backend === undefined ? null : parseBackendFlag(v.backend),
    exact: v.exact ?? false,
    minBatchSize,
    maxBatchSize,
    // Two start probes, a prediction and its next size up: fewer cannot answer.
    maxProbes: positiveInt("--max-probes", v["max-probes"], 2) ?? ADVISE_DEFAULTS.maxProbes,
    epochs: positiveInt("--epochs", v.epochs) ?? ADVISE_DEFAULTS.epochs,
    samplesPerEpoch: positiveInt("--samples", v.samples),
    timeoutMs,
    out: v.out ?? null,
    markdown: v.markdown ?? null,
  };
}
