import { describe, expect, it } from "vitest";
import { ADVISE_DEFAULTS, parseAdviseArgs } from "../src/cli/advise-options.js";
import { DEFAULT_TIMEOUT_MS } from "../src/cli/cli-options.js";
import { UsageError } from "../src/cli/usage-error.js";

describe("advise flags", () => {
  it("parses every flag into typed options", () => {
    const options = parseAdviseArgs([
      "--budget",
      "1.5G",
      "--metric",
      "gpu",
      "--config",
      "s.ts",
      "--filter",
      "family=lstm",
      "--filter",
      "strategy=generator",
      "--backend",
      "tensorflow",
      "--exact",
      "--min-batch",
      "8",
      "--max-batch",
      "1000",
      "--max-probes",
      "6",
      "--epochs",
      "3",
      "--samples",
      "256",
      "--timeout",
      "5m",
      "--out",
      "a.json",
      "--markdown",
      "s.md",
    ]);
    expect(options).toEqual({
      help: false,
      budgetBytes: 1.5 * 2 ** 30,
      metric: "gpu",
      config: "s.ts",
      filters: ["family=lstm", "strategy=generator"],
      backends: ["tensorflow"],
      exact: true,
      minBatchSize: 8,
      maxBatchSize: 1000,
      maxProbes: 6,
      epochs: 3,
      samplesPerEpoch: 256,
      timeoutMs: 5 * 60_000,
      out: "a.json",
      markdown: "s.md",
    });
  });

  it("defaults: rss, powers of two from 1 to 4096, 10 probes, 2 epochs of the suite's samples", () => {
    expect(parseAdviseArgs(["--budget", "320M"])).toMatchObject({
      budgetBytes: 320 * 2 ** 20,
      metric: "rss",
      exact: false,
      minBatchSize: ADVISE_DEFAULTS.minBatchSize,
      maxBatchSize: 4096,
      maxProbes: 10,
      epochs: 2,
      samplesPerEpoch: null,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
  });

  it.each([
    [[], "--budget SIZE is required (e.g. --budget 320M)"],
    [["--budget", "lots"], '--budget "lots": expected a size like 320M or 2G'],
    [["--budget", "1G", "--metric", "vram"], '--metric "vram": expected one of rss, step, gpu'],
    [
      ["--budget", "1G", "--filter", "batch=32"],
      '--filter "batch=32": advise chooses the batch size itself; use --min-batch / --max-batch to bound it',
    ],
    [["--budget", "1G", "--max-probes", "1"], '--max-probes "1": expected an integer ≥ 2'],
    [["--budget", "1G", "--max-batch", "0"], '--max-batch "0": expected an integer ≥ 1'],
    [["--budget", "1G", "--backend", "tpu"], '--backend "tpu": unknown backend "tpu"'],
    [["--budget", "1G", "--out", " "], '--out "": expected a file path'],
    [["--budget", "1G", "--batch-sizes", "32"], "Unknown option '--batch-sizes'"],
  ])("refuses %j naming the flag", (argv, message) => {
    let error: unknown;
    try {
      parseAdviseArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe("KMB_USAGE");
    expect((error as Error).message).toContain(message);
  });

  it("--help needs no budget", () => {
    expect(parseAdviseArgs(["--help"]).help).toBe(true);
  });
});
