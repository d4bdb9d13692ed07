import { describe, expect, it } from "vitest";
import { heatmapGrid, rampColor, renderHeatmapSvg } from "../src/index.js";
import { claimCell, results } from "./_claims.js";

/** Every opened tag is closed in order (a tiny well-formedness check; no DOM in the test environment). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

const file = results([
  claimCell({ family: "lstm", batchSize: 16, stepPeakMiB: 4, peakRssMiB: 200 }),
  claimCell({ family: "lstm", batchSize: 64, stepPeakMiB: 12, peakRssMiB: 210 }),
  claimCell({ family: "dense", batchSize: 64, stepPeakMiB: 1, peakRssMiB: 170 }),
  claimCell({ family: "dense", strategy: "in-memory", batchSize: 256, crashedWith: "KMB_MAX_RSS" }),
  claimCell({ family: "dense", strategy: "tf-data", batchSize: 16 }),
]);

describe("heatmap SVG", () => {
  const svg = renderHeatmapSvg(file, "step-peak");

  it("is one well-formed svg with a panel per family and a square per strategy × batch size", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect([...svg.matchAll(/<g class="heatmap-panel" data-family="([^"]+)"/g)].map((m) => m[1])).toEqual(["lstm", "dense"]);
    // 3 strategies × 3 batch sizes in each of 2 panels; cells absent from the matrix are empty squares without a group.
    expect(svg.match(/<g class="heatmap-square /g)).toHaveLength(5);
  });

  it("writes each measured value into its square, coloured on one scale from 0 to the largest", () => {
    const values = [...svg.matchAll(/data-cell="([^"]+)" data-bytes="(\d+)"><title>[^<]*<\/title><rect [^>]*fill="([^"]+)"/g)].map((m) => [
      m[1],
      Number(m[2]) / 2 ** 20,
      m[3],
    ]);
    expect(values).toEqual([
      ["lstm/generator/b16/wasm", 4, rampColor(4 / 12)],
      ["lstm/generator/b64/wasm", 12, rampColor(1)],
      ["dense/generator/b64/wasm", 1, rampColor(1 / 12)],
    ]);
    expect(svg).toContain(">12.0 MiB</text>");
  });

  it("marks a cell that did not finish, and one without the figure (a version-1 cell)", () => {
    expect(svg).toMatch(/<g class="heatmap-square failed"><title>dense\/in-memory\/b256\/wasm: crashed<\/title>/);
    expect(svg).toMatch(/<g class="heatmap-square missing"><title>dense\/tf-data\/b16\/wasm: not in this results file/);
  });

  it("the metric is selectable: peak RSS squares hold peak RSS", () => {
    const grid = heatmapGrid(file, "peak-rss");
    expect(grid.range).toEqual({ min: 170 * 2 ** 20, max: 210 * 2 ** 20 });
    expect(renderHeatmapSvg(file, "peak-rss")).toContain("peak RSS · suite &quot;synthetic&quot;");
  });

  it("names from a hostile file cannot inject markup", () => {
    const hostile = renderHeatmapSvg(results([claimCell({ family: "<script>x</script>", stepPeakMiB: 1 })]), "step-peak");
    expect(hostile).not.toContain("<script>");
    expect(balanced(hostile)).toBe(true);
  });

  it("a file without the figure says so instead of drawing an empty scale", () => {
    const v1 = renderHeatmapSvg(results([claimCell({})]), "step-peak");
    expect(v1).toContain("No cell of this file has a step peak figure (results version 1?).");
    expect(v1).not.toContain("linearGradient");
  });
});
