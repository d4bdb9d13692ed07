import { describe, expect, it } from "vitest";
import { evaluateClaims, renderClaimsMarkdown, renderClaimsTerminal } from "../src/index.js";
import { claimCell, results } from "./_claims.js";

const claims = evaluateClaims(
  results([
    claimCell({ strategy: "in-memory", datasetMiB: 50, betweenStepsMiB: 50, peakRssMiB: 280 }),
    claimCell({ strategy: "generator", datasetMiB: 0, betweenStepsMiB: 0.05, peakRssMiB: 170 }),
  ]),
);

describe("claims report", () => {
  it("the terminal lists every claim with its verdict, why, figures and cells", () => {
    const text = renderClaimsTerminal(claims);
    expect(text.split("\n")[0]).toMatch(/^Claims: \d+ hold · .*not measured here$/);
    expect(text).toContain(
      "holds              Loading whole arrays (model.fit(x, y)) keeps the whole dataset in memory; generators do not.",
    );
    expect(text).toContain(
      "                   · dense/in-memory/b64/wasm: 50.0 MiB of dataset tensors after prepare (65,536 samples, 800 B each)",
    );
    expect(text).toContain("                   cells: dense/in-memory/b64/wasm, dense/generator/b64/wasm");
    expect(text).toContain("not measured here  Turning on GPU memory growth");
  });

  it("the end of a run shows only the answered claims and points to `pnpm bench claims` for the rest", () => {
    const text = renderClaimsTerminal(claims, { answeredOnly: true });
    expect(text).not.toContain("not measured here");
    expect(text).not.toMatch(/^\s+cells: /m);
    expect(text).not.toMatch(/^\s+· /m);
    const unanswered = claims.filter((c) => c.verdict === "not measured here").length;
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      `${unanswered} more claims need other cells: run \`kmb claims\` (in this repository \`pnpm bench claims\`) for every claim with its figures (the built-in claims suite).`,
    );
  });

  it("markdown is one table row per claim, and cell ids from a hostile file cannot break the table", () => {
    const hostile = evaluateClaims(
      results([
        claimCell({ family: "a|b", strategy: "in-memory", datasetMiB: 50, peakRssMiB: 280 }),
        claimCell({ family: "a|b", strategy: "generator", datasetMiB: 0, peakRssMiB: 170 }),
      ]),
    );
    const rows = renderClaimsMarkdown(hostile)
      .split("\n")
      .filter((l) => l.startsWith("| "));
    expect(rows).toHaveLength(2 + hostile.length);
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(7);
    expect(rows[2]).toContain("✅ holds");
  });
});
