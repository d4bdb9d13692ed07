// A V8 heap snapshot summarised by constructor, and two such summaries diffed, the way memlab and the
// DevTools comparison view group objects: JS objects by constructor name, native backing stores by their
// name (e.g. "system / JSArrayBufferData" for ArrayBuffer bytes), everything else by node type. Pure.

/** The parts of a .heapsnapshot file (V8's JSON format) this reads. */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
  strings: string[];
}

export interface ConstructorTotals {
  count: number;
  /** Bytes the objects hold themselves (not what they keep alive). */
  selfSize: number;
}

export interface HeapSummary {
  /** Node count and self size over the whole heap. */
  total: ConstructorTotals;
  byConstructor: Record<string, ConstructorTotals>;
}

/** One constructor's change between two snapshots. */
export interface ConstructorGrowth {
  name: string;
  count: number;
  selfSize: number;
}

export class HeapSnapshotFormatError extends Error {
  readonly code = "KMB_HEAP_SNAPSHOT_FORMAT";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "HeapSnapshotFormatError";
}

// Node types whose name is the constructor (object) or says what the memory is (native); the rest are
// grouped under their type, as DevTools does ("(closure)", "(string)", "(compiled code)", …).
const NAMED_TYPES = new Set(["object", "native"]);
const TYPE_LABELS: Record<string, string> = {
  code: "(compiled code)",
  hidden: "(system)",
  "concatenated string": "(string)",
  "sliced string": "(string)",
};

export function summariseHeapSnapshot(snapshot: HeapSnapshotJson): HeapSummary {
  const fields = snapshot.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const types = snapshot.snapshot.meta.node_types[typeAt];
  if (typeAt < 0 || nameAt < 0 || sizeAt < 0 || !Array.isArray(types)) {
    throw new HeapSnapshotFormatError(`heap snapshot: node_fields ${JSON.stringify(fields)} lack type, name or self_size`);
  }
  const { nodes, strings } = snapshot;
  if (nodes.length % width !== 0)
    throw new HeapSnapshotFormatError(`heap snapshot: ${nodes.length} node values is not a multiple of ${width} fields`);
  const byConstructor: Record<string, ConstructorTotals> = {};
  const total: ConstructorTotals = { count: 0, selfSize: 0 };
  for (let i = 0; i < nodes.length; i += width) {
    const type = String(types[nodes[i + typeAt]!]);
    const name = NAMED_TYPES.has(type) ? (strings[nodes[i + nameAt]!] ?? "(unknown)") : (TYPE_LABELS[type] ?? `(${type})`);
    const size = nodes[i + sizeAt]!;
    const entry = (byConstructor[name] ??= { count: 0, selfSize: 0 });
    entry.count++;
    entry.selfSize += size;
    total.count++;
    total.selfSize += size;
  }
  return { total, byConstructor };
}

/**
 * What grew from `before` to `after`, by constructor: the `top` largest self-size increases (ties by
 * count), leaving out constructors that did not grow in size or number.
 */
export function diffHeapSummaries(before: HeapSummary, after: HeapSummary, top = 10): ConstructorGrowth[] {
  const growth: ConstructorGrowth[] = [];
  for (const [name, now] of Object.entries(after.byConstructor)) {
    const then = before.byConstructor[name] ?? { count: 0, selfSize: 0 };
    const entry = { name, count: now.count - then.count, selfSize: now.selfSize - then.selfSize };
    if (entry.selfSize > 0 || (entry.selfSize === 0 && entry.count > 0)) growth.push(entry);
  }
  growth.sort((a, b) => b.selfSize - a.selfSize || b.count - a.count || (a.name < b.name ? -1 : 1));
  return growth.slice(0, top);
}
