import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSuite } from "../src/suite/suite-load.js";
import { resolveSuite, SuiteConfigError } from "../src/suite/suite-resolve.js";

const fixture = (name: string) => join(fileURLToPath(new URL("./fixtures/", import.meta.url)), name);

async function loadError(file: string): Promise<SuiteConfigError> {
  const error = await loadSuite(file, { quick: false }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SuiteConfigError);
  return error as SuiteConfigError;
}

describe("loading a suite file", () => {
  it("a missing file names the path", async () => {
    const error = await loadError(fixture("no-such-suite.ts"));
    expect(error.message).toBe(`${fixture("no-such-suite.ts")}: suite file not found`);
  });

  it("a file that throws on import names the file and the error", async () => {
    const error = await loadError(fixture("suite-throws.ts"));
    expect(error.message).toContain(fixture("suite-throws.ts"));
    expect(error.message).toContain("the suite file itself is broken");
  });

  it("no default export names the file, the key and the named exports found", async () => {
    const error = await loadError(fixture("suite-named-only.ts"));
    expect(error.key).toBe("default");
    expect(error.message).toMatch(
      /suite-named-only\.ts: default: no default export; write `export default defineSuite\(\{ \.\.\. \}\)` \(found named exports: suite\)/,
    );
  });

  it("a default export that is not a suite object says what it got", async () => {
    const error = await loadError(fixture("suite-not-object.ts"));
    expect(error.message).toMatch(/suite-not-object\.ts: the default export must be a suite object .* got an array/);
  });

  it("an unknown family name names the file, the key with its index, and the built-ins", async () => {
    const error = await loadError(fixture("suite-unknown-family.ts"));
    expect(error.file).toBe(fixture("suite-unknown-family.ts"));
    expect(error.key).toBe("families[1]");
    expect(error.message).toMatch(
      /suite-unknown-family\.ts: families\[1\]: unknown family "gru" \(built-in: dense, lstm, conv, depthwise-conv/,
    );
  });

  it("a misspelt key is named with the known keys", async () => {
    const error = await loadError(fixture("suite-unknown-key.ts"));
    expect(error.key).toBe("famillies");
    expect(error.message).toMatch(/unknown key \(known: name, seed, callbacks, quickOverrides, families/);
  });

  it("a bad quick override is reported even without --quick", async () => {
    const error = await loadError(fixture("suite-bad-quick.ts"));
    expect(error.key).toBe("quickOverrides.epochs");
    expect(error.message).toMatch(/must be an integer ≥ 1, got 0/);
  });

  it("a custom family object missing a method names that method", async () => {
    const error = await loadError(fixture("suite-bad-spec.ts"));
    expect(error.key).toBe("families[0].samples");
  });

  it("a valid suite with its own family and strategy resolves, and --quick applies its overrides", async () => {
    const full = await loadSuite(fixture("suite-custom.ts"), { quick: false });
    expect(full.families.map((f) => f.family)).toEqual(["tiny-dense", "lstm"]);
    expect(full.strategies.map((s) => s.strategy)).toEqual(["in-memory-copy", "generator"]);
    expect(full).toMatchObject({ name: "custom", batchSizes: [8], epochs: 5, warmupEpochs: 1, samplesPerEpoch: 32, backends: ["wasm"] });
    const quick = await loadSuite(fixture("suite-custom.ts"), { quick: true });
    expect(quick.families.map((f) => f.family)).toEqual(["dense"]);
    expect(quick.epochs).toBe(4);
  });
});

describe("resolving a suite object", () => {
  const file = "/suites/s.ts";
  const keyOf = (config: unknown) => {
    try {
      resolveSuite(config, file, { quick: false });
    } catch (error) {
      return (error as SuiteConfigError).key;
    }
    return "no error";
  };

  it("names the offending key for each kind of mistake", () => {
    expect(keyOf({ strategies: ["in-memory", "tfdata"] })).toBe("strategies[1]");
    expect(keyOf({ batchSizes: [32, -1] })).toBe("batchSizes[1]");
    expect(keyOf({ batchSizes: [32, 32] })).toBe("batchSizes[1]");
    expect(keyOf({ backends: ["cuda"] })).toBe("backends[0]");
    expect(keyOf({ gpuMemoryGrowth: ["on", true] })).toBe("gpuMemoryGrowth[1]");
    expect(keyOf({ gpuMemoryGrowth: ["off", "off"] })).toBe("gpuMemoryGrowth[1]");
    expect(keyOf({ families: [] })).toBe("families");
    expect(keyOf({ epochs: 3, warmupEpochs: 3 })).toBe("warmupEpochs");
    expect(keyOf({ callbacks: {} })).toBe("callbacks");
    expect(keyOf({ name: "" })).toBe("name");
    expect(keyOf({ quickOverrides: { name: "q" } })).toBe("quickOverrides.name");
  });

  it("fills defaults for a suite that sets nothing", () => {
    const suite = resolveSuite({}, file, { quick: false });
    expect(suite.families.map((f) => f.family)).toEqual(["dense", "lstm", "conv", "depthwise-conv"]);
    expect(suite.strategies.map((s) => s.strategy)).toEqual(["in-memory", "generator", "tf-data", "file-stream"]);
    expect(suite.backends).toEqual(["wasm"]);
    expect(suite.gpuMemoryGrowth).toEqual([true, false]);
  });
});
