import { readdir, readFile, rm, truncate } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { createSampleSource, fileStreamPipeline, type Pipeline, type ShardManifest } from "../src/index.js";
import { recordingModel, tinySource, useCpu } from "./_tiny.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

beforeAll(useCpu);
const tmp = useTempFolder("kmb-file-stream-test-");

async function onlyFolder(): Promise<string> {
  const entries = await readdir(tmp());
  expect(entries).toHaveLength(1);
  return join(tmp(), entries[0]!);
}

it("writes float32 shards and a manifest in a fresh folder, and dispose removes it", async () => {
  const source = tinySource(12);
  const pipeline = fileStreamPipeline.create(source, { batchSize: 4, tmpDir: tmp(), samplesPerShard: 5 });
  await pipeline.prepare();
  const dir = await onlyFolder();
  expect(dir).toMatch(/kmb-file-stream-/);
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as ShardManifest;
  expect(manifest).toMatchObject({ count: 12, xShape: [3], yShape: [2], recordFloats: 5, dtype: "float32" });
  expect(manifest.shards.map((s) => [s.first, s.count])).toEqual([
    [0, 5],
    [5, 5],
    [10, 2],
  ]);

  // Record 7 is the third of shard 1: x then y.
  const shard = await readFile(join(dir, manifest.shards[1]!.file));
  expect(shard.byteLength).toBe(5 * 5 * 4);
  const record = new Float32Array(shard.buffer, shard.byteOffset + 2 * 5 * 4, 5);
  const { x, y } = source.sample(7);
  expect(Array.from(record)).toEqual([...x, ...y]);

  await pipeline.dispose();
  expect(await readdir(tmp())).toEqual([]);
});

/** A prepared pipeline over 12 samples in two shards, handed to `check` with its folder, then disposed. */
async function withTwoShards(check: (pipeline: Pipeline, folder: string) => Promise<void>): Promise<void> {
  const pipeline = fileStreamPipeline.create(tinySource(12), { batchSize: 4, tmpDir: tmp(), samplesPerShard: 6 });
  try {
    await pipeline.prepare();
    await check(pipeline, await onlyFolder());
  } finally {
    await pipeline.dispose();
  }
}

it("names the shard file when one is truncated under it", async () => {
  await withTwoShards(async (pipeline, folder) => {
    const shard = join(folder, "shard-00001.f32");
    await truncate(shard, 10);
    await expect(pipeline.fitEpoch(recordingModel().model)).rejects.toThrow(`file-stream: shard ${shard} is truncated`);
  });
  expect(await readdir(tmp())).toEqual([]);
});

it("names the shard file when one is missing", async () => {
  await withTwoShards(async (pipeline, folder) => {
    const shard = join(folder, "shard-00000.f32");
    await rm(shard);
    await expect(pipeline.fitEpoch(recordingModel().model)).rejects.toThrow(`file-stream: cannot read shard ${shard}`);
  });
});

it("leaves nothing behind when preparing fails half-way", async () => {
  const failing = createSampleSource({
    count: 20,
    xShape: [3],
    yShape: [2],
    fill(index) {
      if (index === 13) throw new Error("sample 13 is broken");
    },
  });
  const pipeline = fileStreamPipeline.create(failing, { batchSize: 4, tmpDir: tmp(), samplesPerShard: 5 });
  await expect(pipeline.prepare()).rejects.toThrow("sample 13 is broken");
  expect(await readdir(tmp())).toEqual([]);
  await pipeline.dispose();
});

it("says which folder it could not create", async () => {
  const missing = join(tmp(), "does-not-exist");
  const pipeline = fileStreamPipeline.create(tinySource(3), { batchSize: 2, tmpDir: missing });
  await expect(pipeline.prepare()).rejects.toThrow(`file-stream: cannot create a temp folder in ${missing}`);
});
