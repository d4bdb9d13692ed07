// Takes a V8 heap snapshot of this process and keeps only its summary by constructor (--diagnose).
// The snapshot itself (tens of MiB of JSON) is parsed here and dropped, so nothing large crosses IPC.
import { getHeapSnapshot } from "node:v8";
import { summariseHeapSnapshot, type HeapSnapshotJson, type HeapSummary } from "../analysis/heap-snapshot-diff.js";

export async function heapSummaryNow(): Promise<HeapSummary> {
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return summariseHeapSnapshot(JSON.parse(Buffer.concat(chunks).toString("utf8")) as HeapSnapshotJson);
}
