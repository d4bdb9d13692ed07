import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { builtInModels, LAYER_FAMILIES, parameterCount } from "../src/index.js";
import { useCpu } from "./_cpu.js";

beforeAll(useCpu);

/** The "Parameters" column of the README's built-ins table, by family. */
function readmeCounts(): Map<string, number> {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const counts = new Map<string, number>();
  for (const match of readme.matchAll(/^\| `([a-z-]+)` \|.*\| ([\d,]+) \|$/gm)) {
    counts.set(match[1]!, Number(match[2]!.replaceAll(",", "")));
  }
  return counts;
}

it("README lists every built-in family with its parameter count", () => {
  const documented = readmeCounts();
  expect([...documented.keys()].sort()).toEqual([...LAYER_FAMILIES].sort());
  for (const family of LAYER_FAMILIES) {
    const model = builtInModels[family].build(0);
    expect({ family, params: parameterCount(model) }).toEqual({ family, params: documented.get(family) });
    model.dispose();
  }
});

it("depthwise-conv has fewer parameters than conv on the same input", () => {
  expect(builtInModels["depthwise-conv"].inputShape).toEqual(builtInModels.conv.inputShape);
  const conv = builtInModels.conv.build(0);
  const depthwise = builtInModels["depthwise-conv"].build(0);
  expect(parameterCount(depthwise)).toBeLessThan(parameterCount(conv));
  conv.dispose();
  depthwise.dispose();
});
