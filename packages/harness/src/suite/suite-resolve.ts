// Turns a SuiteConfig (names or objects, optional keys) into the concrete suite a run expands.
// Every error names the suite file and the key, because that is what the user has to edit.
import { builtInModels, LAYER_FAMILIES, type ModelSpec } from "@keras-mem-bench/models";
import { builtInPipelines, DATASET_STRATEGIES, type PipelineFactory } from "@keras-mem-bench/pipelines";
import { BACKENDS, isBackendName } from "../child/backend-setup.js";
import { growthWord, parseGrowthWord } from "../matrix/matrix-cells.js";
import type { SuiteConfig, SuiteMatrix } from "./suite-config.js";
import type { ResolvedOverride } from "./suite-overrides.js";
import { parseSize } from "@keras-mem-bench/metrics";

/** A suite file that cannot be used; `key` is the offending key path, e.g. `families[2]`. */
export class SuiteConfigError extends Error {
  readonly code = "KMB_SUITE_CONFIG";
  constructor(
    readonly file: string,
    readonly key: string | null,
    detail: string,
  ) {
    super(`${file}: ${key === null ? "" : `${key}: `}${detail}`);
    this.name = "SuiteConfigError";
  }
}

export interface ResolvedSuite {
  name: string;
  /** The file it came from (absolute), so a cell's process can load the same suite. */
  file: string;
  quick: boolean;
  families: ModelSpec[];
  strategies: PipelineFactory[];
  batchSizes: number[];
  backends: string[];
  gpuMemoryGrowth: boolean[];
  epochs: number;
  warmupEpochs: number;
  samplesPerEpoch: number;
  /** Per-cell settings, in the file's order (see cellSettings). */
  overrides: ResolvedOverride[];
  seed: number;
  callbacks: SuiteConfig["callbacks"];
}

/** What a suite gets for a key it leaves out. */
export const SUITE_DEFAULTS = {
  batchSizes: [32, 64],
  backends: ["wasm"],
  gpuMemoryGrowth: [true, false],
  epochs: 8,
  warmupEpochs: 2,
  samplesPerEpoch: 512,
  seed: 42,
} as const;

const MATRIX_KEYS = [
  "families",
  "strategies",
  "batchSizes",
  "backends",
  "gpuMemoryGrowth",
  "epochs",
  "warmupEpochs",
  "samplesPerEpoch",
  "overrides",
] as const;
const SUITE_KEYS = ["name", "seed", "callbacks", "quickOverrides", ...MATRIX_KEYS] as const;

function describe(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

function checkKeys(file: string, object: Record<string, unknown>, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      throw new SuiteConfigError(file, `${prefix}${key}`, `unknown key (known: ${known.join(", ")})`);
    }
  }
}

function positiveInteger(file: string, key: string, value: unknown, minimum = 1): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    throw new SuiteConfigError(file, key, `must be an integer ≥ ${minimum}, got ${describe(value)}`);
  }
  return value;
}

function nonEmptyArray(file: string, key: string, value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new SuiteConfigError(file, key, `must be a non-empty array, got ${describe(value)}`);
  return value;
}

function unique<T>(file: string, key: string, items: T[], name: (item: T) => string | number): T[] {
  const seen = new Set<string | number>();
  items.forEach((item, i) => {
    const n = name(item);
    if (seen.has(n)) throw new SuiteConfigError(file, `${key}[${i}]`, `duplicate ${typeof n === "string" ? `"${n}"` : n}`);
    seen.add(n);
  });
  return items;
}

/** A matrix axis whose entries are built-in names or objects of the user's own, like `families` and `strategies`. */
interface NamedAxis<T> {
  /** What one entry is called in messages: "family", "strategy". */
  noun: string;
  /** The type a user's own entry must have, named in messages. */
  typeName: string;
  builtIn: Readonly<Record<string, T>>;
  builtInNames: readonly string[];
  /** The entry's name, which becomes part of the cell id. */
  nameKey: keyof T & string;
  /** Keys that must be functions. */
  functionKeys: ReadonlyArray<keyof T & string>;
}

const FAMILY_AXIS: NamedAxis<ModelSpec> = {
  noun: "family",
  typeName: "ModelSpec",
  builtIn: builtInModels,
  builtInNames: LAYER_FAMILIES,
  nameKey: "family",
  functionKeys: ["build", "samples"],
};

const STRATEGY_AXIS: NamedAxis<PipelineFactory> = {
  noun: "strategy",
  typeName: "PipelineFactory",
  builtIn: builtInPipelines,
  builtInNames: DATASET_STRATEGIES,
  nameKey: "strategy",
  functionKeys: ["create"],
};

function resolveNamed<T>(file: string, key: string, value: unknown, axis: NamedAxis<T>): T[] {
  const entries = nonEmptyArray(file, key, value).map((entry, i): T => {
    const at = `${key}[${i}]`;
    if (typeof entry === "string") {
      const found = axis.builtIn[entry];
      if (!found)
        throw new SuiteConfigError(
          file,
          at,
          `unknown ${axis.noun} "${entry}" (built-in: ${axis.builtInNames.join(", ")}; or pass a ${axis.typeName} object)`,
        );
      return found;
    }
    const object = entry as Partial<Record<string, unknown>> | null;
    if (typeof object !== "object" || object === null)
      throw new SuiteConfigError(file, at, `must be a ${axis.noun} name or a ${axis.typeName}, got ${describe(entry)}`);
    const name = object[axis.nameKey];
    if (typeof name !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
      throw new SuiteConfigError(
        file,
        `${at}.${axis.nameKey}`,
        `must be a kebab-case name (it becomes part of the cell id), got ${describe(name)}`,
      );
    }
    for (const method of axis.functionKeys) {
      if (typeof object[method] !== "function")
        throw new SuiteConfigError(file, `${at}.${method}`, `must be a function, got ${describe(object[method])}`);
    }
    return entry as T;
  });
  return unique(file, key, entries, (e) => e[axis.nameKey] as string);
}

function resolveBatchSizes(file: string, key: string, value: unknown): number[] {
  const sizes = nonEmptyArray(file, key, value).map((v, i) => positiveInteger(file, `${key}[${i}]`, v));
  return unique(file, key, sizes, (s) => s);
}

function resolveBackends(file: string, key: string, value: unknown): string[] {
  const backends = nonEmptyArray(file, key, value).map((v, i) => {
    if (typeof v !== "string" || !isBackendName(v)) {
      throw new SuiteConfigError(file, `${key}[${i}]`, `unknown backend ${describe(v)} (known: ${BACKENDS.join(", ")})`);
    }
    return v;
  });
  return unique(file, key, backends, (b) => b);
}

function resolveGpuMemoryGrowth(file: string, key: string, value: unknown): boolean[] {
  const settings = nonEmptyArray(file, key, value).map((v, i) => {
    const growth = parseGrowthWord(v);
    if (growth === null) throw new SuiteConfigError(file, `${key}[${i}]`, `must be "on" or "off", got ${describe(v)}`);
    return growth;
  });
  return unique(file, key, settings, growthWord);
}

/**
 * Validates a suite file's default export and fills in defaults. With `quick`, `quickOverrides` replaces
 * the keys it sets. `file` names the suite in errors and is kept so cell processes load the same file.
 */
export function resolveSuite(config: unknown, file: string, options: { quick: boolean }): ResolvedSuite {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new SuiteConfigError(
      file,
      null,
      `the default export must be a suite object (export default defineSuite({ ... })), got ${describe(config)}`,
    );
  }
  const raw = config as Record<string, unknown>;
  checkKeys(file, raw, SUITE_KEYS, "");
  let merged: Record<string, unknown> = raw;
  let prefixOf = (key: string) => key;
  if (raw.quickOverrides !== undefined) {
    const overrides = raw.quickOverrides;
    if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) {
      throw new SuiteConfigError(file, "quickOverrides", `must be an object, got ${describe(overrides)}`);
    }
    checkKeys(file, overrides as Record<string, unknown>, MATRIX_KEYS, "quickOverrides.");
    if (options.quick) {
      const set = Object.entries(overrides).filter(([, v]) => v !== undefined);
      merged = { ...raw, ...Object.fromEntries(set) };
      const fromOverrides = new Set(set.map(([k]) => k));
      prefixOf = (key) => (fromOverrides.has(key) ? `quickOverrides.${key}` : key);
    } else {
      // Check the overrides now too, so a broken quick suite fails in the full run's CI job as well.
      resolveMatrix(file, overrides as SuiteMatrix, (key) => `quickOverrides.${key}`, true);
    }
  }
  if (raw.name !== undefined && (typeof raw.name !== "string" || raw.name.trim() === "")) {
    throw new SuiteConfigError(file, "name", `must be a non-empty string, got ${describe(raw.name)}`);
  }
  if (raw.callbacks !== undefined && typeof raw.callbacks !== "function") {
    throw new SuiteConfigError(file, "callbacks", `must be a function (context) => tfjs callbacks, got ${describe(raw.callbacks)}`);
  }
  const seed = raw.seed === undefined ? SUITE_DEFAULTS.seed : positiveInteger(file, "seed", raw.seed, 0);
  const matrix = resolveMatrix(file, merged as SuiteMatrix, prefixOf, false);
  return {
    name: (raw.name as string | undefined) ?? "default",
    file,
    quick: options.quick,
    ...matrix,
    seed,
    callbacks: raw.callbacks as SuiteConfig["callbacks"],
  };
}

type Matrix = Pick<
  ResolvedSuite,
  "families" | "strategies" | "batchSizes" | "backends" | "gpuMemoryGrowth" | "epochs" | "warmupEpochs" | "samplesPerEpoch" | "overrides"
>;

function resolveMatrix(file: string, m: SuiteMatrix, key: (k: string) => string, partial: boolean): Matrix {
  const has = (k: keyof SuiteMatrix) => m[k] !== undefined;
  const epochs = has("epochs") ? positiveInteger(file, key("epochs"), m.epochs) : SUITE_DEFAULTS.epochs;
  const warmupEpochs = has("warmupEpochs") ? positiveInteger(file, key("warmupEpochs"), m.warmupEpochs, 0) : SUITE_DEFAULTS.warmupEpochs;
  if (!partial && warmupEpochs >= epochs) {
    throw new SuiteConfigError(
      file,
      key("warmupEpochs"),
      `must be less than epochs (${epochs}), got ${warmupEpochs}: no epoch would be left to judge growth`,
    );
  }
  const families = has("families")
    ? resolveNamed(file, key("families"), m.families, FAMILY_AXIS)
    : LAYER_FAMILIES.map((f) => builtInModels[f]);
  const strategies = has("strategies")
    ? resolveNamed(file, key("strategies"), m.strategies, STRATEGY_AXIS)
    : DATASET_STRATEGIES.map((s) => builtInPipelines[s]);
  const batchSizes = has("batchSizes") ? resolveBatchSizes(file, key("batchSizes"), m.batchSizes) : [...SUITE_DEFAULTS.batchSizes];
  const backends = has("backends") ? resolveBackends(file, key("backends"), m.backends) : [...SUITE_DEFAULTS.backends];
  const axes: OverrideAxes = {
    family: families.map((f) => f.family),
    strategy: strategies.map((s) => s.strategy),
    batchSize: batchSizes,
    backend: backends,
  };
  return {
    families,
    strategies,
    batchSizes,
    backends,
    gpuMemoryGrowth: has("gpuMemoryGrowth")
      ? resolveGpuMemoryGrowth(file, key("gpuMemoryGrowth"), m.gpuMemoryGrowth)
      : [...SUITE_DEFAULTS.gpuMemoryGrowth],
    epochs,
    warmupEpochs,
    samplesPerEpoch: has("samplesPerEpoch")
      ? positiveInteger(file, key("samplesPerEpoch"), m.samplesPerEpoch)
      : SUITE_DEFAULTS.samplesPerEpoch,
    // A partial (quick overrides) check cannot know the axes the full suite will have, so it checks shapes only.
    overrides: has("overrides") ? resolveOverrides(file, key("overrides"), m.overrides, partial ? null : axes) : [],
  };
}

type OverrideAxes = { family: string[]; strategy: string[]; batchSize: number[]; backend: string[] };
const WHERE_KEYS = ["family", "strategy", "batchSize", "backend"] as const;
const OVERRIDE_KEYS = ["where", "skip", "samplesPerEpoch", "maxRss"] as const;

function resolveOverrides(file: string, key: string, value: unknown, axes: OverrideAxes | null): ResolvedOverride[] {
  if (!Array.isArray(value))
    throw new SuiteConfigError(file, key, `must be an array of { where, skip?, samplesPerEpoch?, maxRss? }, got ${describe(value)}`);
  return value.map((entry, i): ResolvedOverride => {
    const at = `${key}[${i}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry))
      throw new SuiteConfigError(file, at, `must be an object, got ${describe(entry)}`);
    const raw = entry as Record<string, unknown>;
    checkKeys(file, raw, OVERRIDE_KEYS, `${at}.`);
    const where = raw.where;
    if (typeof where !== "object" || where === null || Array.isArray(where)) {
      throw new SuiteConfigError(file, `${at}.where`, `must be an object with any of ${WHERE_KEYS.join(", ")}, got ${describe(where)}`);
    }
    checkKeys(file, where as Record<string, unknown>, WHERE_KEYS, `${at}.where.`);
    const picked: ResolvedOverride["where"] = {};
    for (const axis of WHERE_KEYS) {
      const values = (where as Record<string, unknown>)[axis];
      if (values === undefined) continue;
      const list = nonEmptyArray(file, `${at}.where.${axis}`, values);
      list.forEach((v, j) => {
        const ok = axis === "batchSize" ? typeof v === "number" : typeof v === "string";
        // A value the matrix does not have would silently pick nothing: name it instead.
        if (!ok || (axes !== null && !(axes[axis] as unknown[]).includes(v))) {
          throw new SuiteConfigError(
            file,
            `${at}.where.${axis}[${j}]`,
            `${describe(v)} is not in this suite's matrix${axes === null ? "" : ` (${axis}: ${axes[axis].join(", ")})`}`,
          );
        }
      });
      (picked as Record<string, unknown>)[axis] = list;
    }
    if (raw.skip !== undefined && typeof raw.skip !== "boolean")
      throw new SuiteConfigError(file, `${at}.skip`, `must be true or false, got ${describe(raw.skip)}`);
    let maxRssBytes: number | null = null;
    if (raw.maxRss !== undefined) {
      maxRssBytes = typeof raw.maxRss === "string" ? parseSize(raw.maxRss) : null;
      if (maxRssBytes === null)
        throw new SuiteConfigError(file, `${at}.maxRss`, `must be a size like "512M" or "2G", got ${describe(raw.maxRss)}`);
    }
    return {
      where: picked,
      skip: raw.skip === true,
      samplesPerEpoch: raw.samplesPerEpoch === undefined ? null : positiveInteger(file, `${at}.samplesPerEpoch`, raw.samplesPerEpoch),
      maxRssBytes,
    };
  });
}
