import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { endianness, tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import * as tfd from "@tensorflow/tfjs-data";
import { pipelineFactory, positiveInteger } from "./pipeline.js";
import { datasetPipeline } from "./_dataset-pipeline.js";
import { batchRanges, gatherSamples, shapeSize } from "./sample-source.js";

/** Sidecar written next to the shards; it documents the layout for anyone reading the files by hand. */
export interface ShardManifest {
  format: "keras-mem-bench/samples";
  version: 1;
  dtype: "float32";
  byteOrder: "LE" | "BE";
  count: number;
  xShape: number[];
  yShape: number[];
  /** Each record is x then y, `recordFloats` float32 values; records are stored in sample order. */
  recordFloats: number;
  shards: Array<{ file: string; first: number; count: number }>;
}

const BYTES = Float32Array.BYTES_PER_ELEMENT;

/**
 * `file-stream`: prepare() writes every sample once to float32 shard files in a fresh temp folder; each
 * epoch then reads only the bytes of the batch it is about to train on (an async generator behind
 * `tf.data.generator`), so no epoch holds more than one batch in memory. dispose() removes the folder.
 */
export const fileStreamPipeline = pipelineFactory("file-stream", (source, options, { strategy, batchSize }) => {
  const samplesPerShard = positiveInteger(strategy, "samplesPerShard", options.samplesPerShard ?? 256);
  const parent = options.tmpDir ?? tmpdir();
  const ranges = batchRanges(source.count, batchSize);
  const xSize = shapeSize(source.xShape);
  const ySize = shapeSize(source.yShape);
  const recordFloats = xSize + ySize;
  let dir: string | undefined;

  async function writeShards(into: string): Promise<ShardManifest> {
    const shards: ShardManifest["shards"] = [];
    for (let first = 0, n = 0; first < source.count; first += samplesPerShard, n++) {
      const count = Math.min(samplesPerShard, source.count - first);
      const { xs, ys } = gatherSamples(source, first, first + count);
      const records = new Float32Array(count * recordFloats);
      for (let i = 0; i < count; i++) {
        records.set(xs.subarray(i * xSize, (i + 1) * xSize), i * recordFloats);
        records.set(ys.subarray(i * ySize, (i + 1) * ySize), i * recordFloats + xSize);
      }
      const file = `shard-${String(n).padStart(5, "0")}.f32`;
      await writeFile(join(into, file), new Uint8Array(records.buffer, records.byteOffset, records.byteLength));
      shards.push({ file, first, count });
    }
    const manifest: ShardManifest = {
      format: "keras-mem-bench/samples",
      version: 1,
      dtype: "float32",
      byteOrder: endianness(),
      count: source.count,
      xShape: source.xShape,
      yShape: source.yShape,
      recordFloats,
      shards,
    };
    await writeFile(join(into, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }

  /** Reads records [start, end) from whichever shards hold them: only those bytes, nothing more. */
  async function readRecords(manifest: ShardManifest, into: string, start: number, end: number): Promise<Float32Array> {
    const out = new Float32Array((end - start) * recordFloats);
    const bytes = new Uint8Array(out.buffer);
    for (const shard of manifest.shards) {
      const from = Math.max(start, shard.first);
      const to = Math.min(end, shard.first + shard.count);
      if (from >= to) continue;
      const path = join(into, shard.file);
      const length = (to - from) * recordFloats * BYTES;
      const position = (from - shard.first) * recordFloats * BYTES;
      let bytesRead: number;
      try {
        const handle = await open(path, "r");
        try {
          ({ bytesRead } = await handle.read(bytes, (from - start) * recordFloats * BYTES, length, position));
        } finally {
          await handle.close();
        }
      } catch (cause) {
        throw new Error(`file-stream: cannot read shard ${path}: ${(cause as Error).message}`, { cause });
      }
      if (bytesRead !== length) {
        throw new Error(`file-stream: shard ${path} is truncated: wanted ${length} bytes at offset ${position}, got ${bytesRead}`);
      }
    }
    return out;
  }

  function datasetOver(manifest: ShardManifest, into: string) {
    // One async generator per epoch (tf.data calls this per iterator); each batch is read just before
    // it is needed and becomes two tensors that fitDataset disposes after the step.
    async function* batches(): AsyncGenerator<{ xs: tf.Tensor; ys: tf.Tensor }> {
      for (const [start, end] of ranges) {
        const records = await readRecords(manifest, into, start, end);
        const n = end - start;
        const xs = new Float32Array(n * xSize);
        const ys = new Float32Array(n * ySize);
        for (let i = 0; i < n; i++) {
          xs.set(records.subarray(i * recordFloats, i * recordFloats + xSize), i * xSize);
          ys.set(records.subarray(i * recordFloats + xSize, (i + 1) * recordFloats), i * ySize);
        }
        yield { xs: tf.tensor(xs, [n, ...source.xShape]), ys: tf.tensor(ys, [n, ...source.yShape]) };
      }
    }
    return tfd.generator(batches);
  }

  return datasetPipeline({
    strategy,
    batchesPerEpoch: ranges.length,
    async makeDataset() {
      let made: string;
      try {
        made = await mkdtemp(join(parent, "kmb-file-stream-"));
      } catch (cause) {
        throw new Error(`file-stream: cannot create a temp folder in ${parent}: ${(cause as Error).message}`, { cause });
      }
      dir = made;
      try {
        return datasetOver(await writeShards(made), made);
      } catch (error) {
        // Nothing left behind when preparation fails half-way.
        dir = undefined;
        await rm(made, { recursive: true, force: true });
        throw error;
      }
    },
    async release() {
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = undefined;
    },
  });
});
