import { describe, expect, it } from "vitest";
import { parseDashboardArgs } from "../src/dashboard-args.js";

describe("pnpm dashboard arguments", () => {
  it("takes a history folder and defaults the output to site/", () => {
    expect(parseDashboardArgs(["--history", "hist"])).toEqual({
      history: "hist",
      results: [],
      out: "site",
      title: null,
      thresholds: null,
      open: false,
      help: false,
    });
  });

  it("takes several results files after one --results, or repeated, or with =", () => {
    expect(parseDashboardArgs(["--results", "a.json", "b.json", "--out", "o", "--results=c.json", "--open"])).toMatchObject({
      results: ["a.json", "b.json", "c.json"],
      out: "o",
      open: true,
    });
  });

  it("skips the -- that pnpm passes through", () => {
    expect(parseDashboardArgs(["--", "--history=h", "--title", "My bench", "--thresholds", "t.json"])).toMatchObject({
      history: "h",
      title: "My bench",
      thresholds: "t.json",
    });
  });

  it("refuses to build nothing, unknown options, stray words and missing values, naming them", () => {
    expect(() => parseDashboardArgs([])).toThrow(/give --history DIR, --results FILE/);
    expect(() => parseDashboardArgs(["--histroy", "h"])).toThrow(/unknown option "--histroy"/);
    expect(() => parseDashboardArgs(["--history", "h", "extra.json"])).toThrow(/unexpected argument "extra.json"/);
    expect(() => parseDashboardArgs(["--out"])).toThrow(/--out needs a value/);
    expect(() => parseDashboardArgs(["--history", "--open"])).toThrow(/--history needs a value/);
  });

  it("--help needs nothing else", () => {
    expect(parseDashboardArgs(["--help"]).help).toBe(true);
  });
});
