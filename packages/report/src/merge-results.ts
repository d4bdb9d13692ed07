// Shards of one matrix run (`--shard i/n` on several runners) back into one results file. Merging is
// refused, naming the files, whenever the parts cannot be one run: different suites or commits,
// a shard twice or missing, or the same cell in two files.
import { parseResults, type ResultsFile } from "@keras-mem-bench/results";
import { MergeError } from "./report-error.js";

export interface ResultsPart {
  /** File name (or other label) used in messages. */
  source: string;
  results: ResultsFile;
}

const quote = (s: string): string => JSON.stringify(s);

function suiteWords(r: ResultsFile): string {
  const s = r.suite;
  return `suite ${quote(s.name)}, ${s.epochs} epochs, ${s.warmupEpochs} warm-up${s.quick ? ", quick" : ""}`;
}

function tfjsWords(r: ResultsFile): string {
  const entries = Object.entries(r.env.tfjs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([k, v]) => `${k}@${v}`).join(", ") || "no tfjs versions";
}

function checkSameRun(parts: readonly ResultsPart[]): void {
  const first = parts[0]!;
  for (const part of parts.slice(1)) {
    const a = first.results.suite;
    const b = part.results.suite;
    if (a.name !== b.name || a.epochs !== b.epochs || a.warmupEpochs !== b.warmupEpochs || a.quick !== b.quick) {
      throw new MergeError(
        `cannot merge: ${first.source} has ${suiteWords(first.results)} but ${part.source} has ${suiteWords(part.results)}`,
        [first.source, part.source],
      );
    }
    const shaA = first.results.env.git?.sha ?? null;
    const shaB = part.results.env.git?.sha ?? null;
    if (shaA !== null && shaB !== null && shaA !== shaB) {
      throw new MergeError(`cannot merge: ${first.source} measured commit ${shaA} but ${part.source} measured ${shaB}`, [
        first.source,
        part.source,
      ]);
    }
    if (tfjsWords(first.results) !== tfjsWords(part.results)) {
      throw new MergeError(
        `cannot merge: ${first.source} ran ${tfjsWords(first.results)} but ${part.source} ran ${tfjsWords(part.results)}`,
        [first.source, part.source],
      );
    }
  }
}

/** Checks the shard fields; returns the parts in shard order. */
function checkShards(parts: readonly ResultsPart[]): ResultsPart[] {
  const sharded = parts.filter((p) => p.results.suite.shard);
  if (sharded.length === 0) return [...parts];
  if (sharded.length !== parts.length) {
    const plain = parts.filter((p) => !p.results.suite.shard).map((p) => p.source);
    throw new MergeError(
      `cannot merge: ${plain.join(", ")} ${plain.length === 1 ? "is not a shard" : "are not shards"} but ${sharded[0]!.source} is shard ${sharded[0]!.results.suite.shard!.index}/${sharded[0]!.results.suite.shard!.count}`,
      [...plain, sharded[0]!.source],
    );
  }
  const first = parts[0]!;
  const ref = first.results.suite.shard!;
  const byIndex = new Map<number, ResultsPart>();
  for (const part of parts) {
    const shard = part.results.suite.shard!;
    if (shard.count !== ref.count || shard.matrixSize !== ref.matrixSize) {
      throw new MergeError(
        `cannot merge: ${first.source} is shard ${ref.index}/${ref.count} of a ${ref.matrixSize}-cell matrix but ${part.source} is shard ${shard.index}/${shard.count} of a ${shard.matrixSize}-cell matrix`,
        [first.source, part.source],
      );
    }
    if (shard.index > shard.count)
      throw new MergeError(`cannot merge: ${part.source} says shard ${shard.index} of ${shard.count}`, [part.source]);
    const twin = byIndex.get(shard.index);
    if (twin)
      throw new MergeError(`cannot merge: ${twin.source} and ${part.source} are both shard ${shard.index}/${shard.count}`, [
        twin.source,
        part.source,
      ]);
    byIndex.set(shard.index, part);
  }
  const missing: number[] = [];
  for (let i = 1; i <= ref.count; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length > 0) {
    const given = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([i, p]) => `${i} (${p.source})`);
    throw new MergeError(
      `cannot merge: missing shard${missing.length === 1 ? "" : "s"} ${missing.join(", ")} of ${ref.count}; given ${given.join(", ")}`,
      parts.map((p) => p.source),
    );
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
}

function checkNoOverlap(parts: readonly ResultsPart[]): void {
  const owner = new Map<string, string>();
  const clashes: Array<[string, string, string]> = [];
  for (const part of parts) {
    for (const cell of part.results.cells) {
      const other = owner.get(cell.id);
      if (other !== undefined) clashes.push([cell.id, other, part.source]);
      else owner.set(cell.id, part.source);
    }
  }
  if (clashes.length === 0) return;
  const listed = clashes.slice(0, 5).map(([id, a, b]) => `${quote(id)} is in both ${a} and ${b}`);
  const more = clashes.length > 5 ? `; … and ${clashes.length - 5} more` : "";
  throw new MergeError(`cannot merge: overlapping cells: ${listed.join("; ")}${more}`, [...new Set(clashes.flatMap(([, a, b]) => [a, b]))]);
}

/**
 * Merges shard files into one results file covering the whole matrix. Every part must be valid, from
 * the same suite, commit and tfjs versions, and — when sharded — all shards 1…n present once, with
 * exactly the matrix's cells between them. The result is validated against the results schema.
 */
export function mergeResults(parts: ReadonlyArray<ResultsPart>): ResultsFile {
  if (parts.length === 0) throw new MergeError("cannot merge: no results files given", []);
  for (const part of parts) parseResults(part.results, part.source);
  checkSameRun(parts);
  const ordered = checkShards(parts);
  checkNoOverlap(ordered);
  const first = ordered[0]!;
  const cells = ordered.flatMap((p) => p.results.cells);
  const shard = first.results.suite.shard;
  if (shard && cells.length !== shard.matrixSize) {
    const held = ordered.map((p) => `${p.source}: ${p.results.cells.length}`).join(", ");
    throw new MergeError(
      `cannot merge: the shards say the matrix has ${shard.matrixSize} cells but they hold ${cells.length} (${held})`,
      ordered.map((p) => p.source),
    );
  }
  const createdAt = ordered.map((p) => p.results.createdAt).sort()[0]!;
  const merged: ResultsFile = { ...first.results, createdAt, suite: { ...first.results.suite, shard: null }, cells };
  return parseResults(merged, `merge of ${ordered.map((p) => p.source).join(", ")}`);
}
