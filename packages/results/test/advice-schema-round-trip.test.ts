import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ADVICE_SCHEMA_VERSION,
  AdviceFileError,
  parseAdvice,
  readAdviceFile,
  syntheticResults,
  writeAdviceFile,
  type AdviceFile,
} from "../src/index.js";
import { useTempFolder } from "../../../test/_temp-folder.js";
import { lstmFitsAtB512, MIB } from "../../../test/_advice.js";

/** A file with every field set, as `kmb advise --out` writes it: one row found, one below the smallest batch. */
function adviceFile(): AdviceFile {
  const probe = { epochs: 2, samplesPerEpoch: 1024, durationMs: 4000, samplesPerSecond: 400 };
  return {
    schemaVersion: ADVICE_SCHEMA_VERSION,
    createdAt: "2026-11-30T09:00:00.000Z",
    suite: { name: "default" },
    search: {
      grid: "powers-of-two",
      minBatchSize: 1,
      maxBatchSize: 4096,
      maxProbes: 8,
      epochs: 2,
      samplesPerEpoch: 1024,
      timeoutMs: 600_000,
    },
    env: syntheticResults([]).env,
    advice: [
      {
        ...lstmFitsAtB512(),
        peakBytes: 280 * MIB,
        headroomBytes: 40 * MIB,
        nextBatchSize: 1024,
        reason: "b512 fits; b1024 was killed at the budget",
        probes: [
          { ...probe, batchSize: 16, reason: "start", status: "ok", fits: true, peakBytes: 210 * MIB },
          { ...probe, batchSize: 512, reason: "predicted", status: "ok", fits: true, peakBytes: 280 * MIB },
          {
            ...probe,
            batchSize: 1024,
            reason: "next-up",
            status: "crashed",
            fits: false,
            peakBytes: null,
            samplesPerSecond: null,
            error: { message: "RSS 321.0 MiB exceeded --max-rss 320.0 MiB", code: "KMB_MAX_RSS", exitCode: null, signal: "SIGKILL" },
          },
        ],
      },
      {
        family: "conv",
        strategy: "in-memory",
        backend: "tensorflow",
        gpuMemoryGrowth: true,
        metric: "gpu",
        budgetBytes: 10 * MIB,
        outcome: "below-smallest",
        largestBatchSize: null,
        peakBytes: null,
        headroomBytes: null,
        nextBatchSize: 1,
        reason: "even b1 needs 300.0 MiB",
        probes: [{ ...probe, batchSize: 1, reason: "start", status: "ok", fits: false, peakBytes: 300 * MIB }],
      },
    ],
  };
}

describe("advice file", () => {
  const dir = useTempFolder("kmb-advice-");

  it("writes and reads back the same data", async () => {
    const path = join(dir(), "nested", "advice.json");
    await writeAdviceFile(path, adviceFile());
    expect(await readAdviceFile(path)).toEqual(adviceFile());
  });

  it("names the file and the JSON path of each problem, with the environment checked by the results schema", async () => {
    const broken = adviceFile() as unknown as { env: Record<string, unknown>; advice: Array<Record<string, unknown>> };
    broken.advice[0]!.metric = "vram";
    delete broken.advice[0]!.probes;
    delete broken.env.node;
    const path = join(dir(), "bad.json");
    await writeFile(path, JSON.stringify(broken));
    const error = await readAdviceFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdviceFileError);
    expect((error as AdviceFileError).code).toBe("KMB_ADVICE_INVALID");
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toContain("advice file");
    expect(message).toMatch(/\/advice\/0\/metric: .*one of \["rss","step","gpu"\]/);
    expect(message).toMatch(/\/advice\/0: must have required property 'probes'/);
    expect(message).toMatch(/\/env: must have required property 'node'/);
  });

  it("refuses a largest batch that no fitting probe measured, or one not below the next size", () => {
    const file = adviceFile();
    file.advice[0]!.largestBatchSize = 2048;
    expect(() => parseAdvice(file, "a.json")).toThrow(/\/advice\/0\/nextBatchSize: must be above largestBatchSize \(2048\), got 1024/);
    expect(() => parseAdvice(file, "a.json")).toThrow(/\/advice\/0\/largestBatchSize: 2048 is not a probe that fits/);
  });

  it("refuses two rows for the same family, strategy and backend", () => {
    const file = adviceFile();
    file.advice.push(structuredClone(file.advice[0]!));
    expect(() => parseAdvice(file, "dup.json")).toThrow(/\/advice\/2: duplicate row lstm\/generator\/wasm/);
  });

  it("refuses a file of another version and writes nothing when invalid", async () => {
    const file = { ...adviceFile(), schemaVersion: 2 } as unknown as AdviceFile;
    const path = join(dir(), "never.json");
    await expect(writeAdviceFile(path, file)).rejects.toThrow(/\/schemaVersion: must be equal to constant/);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });
});
