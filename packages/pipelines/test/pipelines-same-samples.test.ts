import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { builtInPipelines, DATASET_STRATEGIES } from "../src/index.js";
import { expectedBatches, recordingModel, tinySource, useCpu } from "./_tiny.js";
import { useTempFolder } from "../../../test/_temp-folder.js";

beforeAll(useCpu);
const tmp = useTempFolder("kmb-pipelines-test-");

describe.each(DATASET_STRATEGIES)("%s", (strategy) => {
  // 11 samples in batches of 4: 4, 4, 3 (a short last batch).
  const source = tinySource(11);
  const batchSize = 4;

  it("feeds fit the same samples in the same order, every epoch", async () => {
    const pipeline = builtInPipelines[strategy].create(source, { batchSize, tmpDir: tmp(), samplesPerShard: 5 });
    const { model, xs, ys } = recordingModel();
    try {
      await pipeline.prepare();
      await pipeline.fitEpoch(model);
      await pipeline.fitEpoch(model);
    } finally {
      await pipeline.dispose();
    }
    const expected = expectedBatches(source, batchSize);
    expect(xs.map((b) => b.map((v) => Math.fround(v)))).toEqual([...expected.xs, ...expected.xs]);
    expect(ys).toEqual([...expected.ys, ...expected.ys]);
  });

  it("fires onBatchEnd once per batch, with the batch size", async () => {
    const pipeline = builtInPipelines[strategy].create(source, { batchSize, tmpDir: tmp() });
    const sizes: number[] = [];
    let epochsEnded = 0;
    try {
      await pipeline.prepare();
      expect(pipeline.batchesPerEpoch).toBe(3);
      const history = await pipeline.fitEpoch(recordingModel().model, {
        onBatchEnd: async (_batch, logs) => {
          sizes.push(logs?.["size"] ?? -1);
        },
        onEpochEnd: async () => {
          epochsEnded++;
        },
      });
      expect(history.history["loss"]).toHaveLength(1);
    } finally {
      await pipeline.dispose();
    }
    expect(sizes).toEqual([4, 4, 3]);
    expect(epochsEnded).toBe(1);
  });

  it("refuses fitEpoch before prepare and after dispose", async () => {
    const pipeline = builtInPipelines[strategy].create(source, { batchSize, tmpDir: tmp() });
    const { model } = recordingModel();
    await expect(pipeline.fitEpoch(model)).rejects.toThrow(`${strategy}: fitEpoch() needs prepare()`);
    await pipeline.prepare();
    await pipeline.dispose();
    await pipeline.dispose();
    await expect(pipeline.fitEpoch(model)).rejects.toThrow("disposed");
    expect(await readdir(tmp())).toEqual([]);
  });
});

it("rejects a batch size that is not a positive integer, naming it", () => {
  for (const strategy of DATASET_STRATEGIES) {
    expect(() => builtInPipelines[strategy].create(tinySource(3), { batchSize: 0 })).toThrow(
      `${strategy}: batchSize must be a positive integer, got 0`,
    );
  }
});
