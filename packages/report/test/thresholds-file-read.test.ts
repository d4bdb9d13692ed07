import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { metricDefinition } from "@keras-mem-bench/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLD_VALUES, noiseBand, parseThresholdsText, readThresholdsFile, ThresholdsError } from "../src/index.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kmb-thresholds-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(run: () => Promise<unknown>): Promise<ThresholdsError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ThresholdsError)) throw new Error(`expected a ThresholdsError, got ${String(error)}`);
  return error;
}

describe("reading a thresholds file", () => {
  it("reads and checks a file", async () => {
    const path = join(dir, "ok.json");
    await writeFile(path, JSON.stringify({ defaults: { timeMinChange: "15%" } }));
    const thresholds = await readThresholdsFile(path);
    expect(thresholds).toMatchObject({ source: path, defaults: { timeMinChange: 0.15 } });
  });

  it("names the file and the kind of problem: unreadable, not JSON, or a bad value", async () => {
    const missing = await failure(() => readThresholdsFile(join(dir, "nope.json")));
    expect(missing).toMatchObject({ code: "KMB_THRESHOLDS_INVALID", problem: "unreadable" });
    expect(missing.message).toMatch(/^cannot read .*nope\.json: ENOENT/);
    const notJson = await failure(async () => parseThresholdsText("{ nope", 'input "thresholds"'));
    expect(notJson).toMatchObject({ problem: "not-json", source: 'input "thresholds"' });
    expect(notJson.message).toMatch(/^input "thresholds" is not JSON: /);
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ defaults: { timeAlpha: 2 } }));
    expect(await failure(() => readThresholdsFile(bad))).toMatchObject({ problem: "invalid", key: "defaults.timeAlpha" });
  });
});

describe("compare's noise band per metric", () => {
  it("comes from the thresholds by the metric's rule kind", () => {
    const t = { ...DEFAULT_THRESHOLD_VALUES, bytesMinChange: 0.07, tensorsPerEpoch: 2 };
    expect(noiseBand(metricDefinition("peakRssBytes"), t)).toEqual({ relative: 0.07, absolute: 0 });
    expect(noiseBand(metricDefinition("tensorsPerEpoch"), t)).toEqual({ relative: 0, absolute: 2 });
    expect(noiseBand(metricDefinition("meanEpochMs"), t)).toEqual({ relative: DEFAULT_THRESHOLD_VALUES.timeMinChange, absolute: 0 });
    expect(noiseBand(metricDefinition("samplesPerSecond"), t)).toEqual({ relative: DEFAULT_THRESHOLD_VALUES.timeMinChange, absolute: 0 });
    expect(noiseBand(metricDefinition("rssBytesPerEpoch"), t)).toEqual({ relative: 0, absolute: 0 });
  });
});
