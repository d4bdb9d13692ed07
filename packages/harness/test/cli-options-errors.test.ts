import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_MS, parseRunArgs } from "../src/cli/cli-options.js";
import { UsageError } from "../src/cli/usage-error.js";

describe("run flags", () => {
  it("parses every flag into typed options", () => {
    const options = parseRunArgs([
      "--quick",
      "--filter",
      "family=dense",
      "--filter=batch=32",
      "--batch-sizes",
      "16, 32",
      "--backend",
      "wasm,cpu",
      "--gpu-memory-growth",
      "off",
      "--epochs",
      "5",
      "--warmup-epochs",
      "0",
      "--samples",
      "128",
      "--shard",
      "1/3",
      "--max-rss",
      "512M",
      "--timeout",
      "90s",
      "--jobs",
      "2",
      "--out",
      "q.json",
      "--config",
      "my-suite.ts",
      "--no-prestart",
    ]);
    expect(options).toMatchObject({
      quick: true,
      filters: ["family=dense", "batch=32"],
      batchSizes: [16, 32],
      backends: ["wasm", "cpu"],
      gpuMemoryGrowth: [false],
      epochs: 5,
      warmupEpochs: 0,
      samplesPerEpoch: 128,
      shard: { index: 1, count: 3 },
      maxRssBytes: 512 * 2 ** 20,
      timeoutMs: 90_000,
      jobs: 2,
      out: "q.json",
      config: "my-suite.ts",
      prestart: false,
    });
  });

  it("has defaults for everything", () => {
    expect(parseRunArgs([])).toMatchObject({
      quick: false,
      out: null,
      config: null,
      filters: [],
      timeoutMs: DEFAULT_TIMEOUT_MS,
      jobs: 1,
      maxRssBytes: null,
      shard: null,
      gpuMemoryGrowth: null,
      prestart: true,
      forcedGc: true,
      origins: "leaking",
    });
    expect(parseRunArgs(["--origins"]).origins).toBe("always");
    expect(parseRunArgs(["--no-origins"]).origins).toBe("never");
  });

  it.each([
    [["--max-rss", "lots"], /--max-rss "lots": expected a size like 512M/],
    [["--timeout", "soon"], /--timeout "soon": expected a duration/],
    [["--epochs", "0"], /--epochs "0": expected an integer ≥ 1/],
    [["--epochs", "2.5"], /--epochs "2\.5"/],
    [["--batch-sizes", "16,x"], /--batch-sizes "16,x": entry "x"/],
    [["--backend", "cuda"], /--backend "cuda": unknown backend "cuda" \(known: wasm, cpu, tensorflow, webgpu\)/],
    [["--shard", "3/2"], /--shard "3\/2"/],
    [["--origins", "--no-origins"], /--origins and --no-origins contradict each other/],
    [["--gpu-memory-growth", "yes"], /--gpu-memory-growth "yes": expected on, off or on,off/],
    [["--gpu-memory-growth", "on,on"], /--gpu-memory-growth "on,on": "on" is listed more than once/],
    [["--batch-sizes", "32,64,32"], /--batch-sizes "32,64,32": "32" is listed more than once/],
    [["--batch-sizes", "32, 032"], /--batch-sizes "32, 032": "32" is listed more than once/],
    [["--backend", "wasm,wasm"], /--backend "wasm,wasm": "wasm" is listed more than once/],
    [["--bogus"], /--bogus/],
    [["positional"], /positional/],
  ])("%j fails naming the flag and value", (argv, message) => {
    expect(() => parseRunArgs(argv)).toThrow(UsageError);
    expect(() => parseRunArgs(argv)).toThrow(message);
  });
});
