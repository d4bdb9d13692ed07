// The index comes from a branch anyone with a push (or a compromised job) can write; its file paths
// are read from disk and its urls become links, so each entry is checked before either happens.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResultsFileError, parseHistoryIndex, readHistoryIndex } from "../src/index.js";

const SHA = "ab".repeat(20);
const good = {
  sha: SHA,
  parents: [],
  ref: "refs/heads/main",
  committedAt: "2026-11-01T00:00:00Z",
  message: null,
  url: `https://github.com/octo/bench/commit/${SHA}`,
  file: `runs/${SHA}.json`,
};
const index = (entry: Record<string, unknown>) => ({ schemaVersion: 1, entries: [good, { ...good, ...entry }] });

describe("history index entries", () => {
  it("accepts what the action writes: a 40- or 64-digit run file, an http(s) or null url", () => {
    const sha256 = "c".repeat(64);
    expect(parseHistoryIndex(index({ sha: sha256, file: `runs/${sha256}.json`, url: null }), "index.json").entries).toHaveLength(2);
    expect(parseHistoryIndex(index({ url: "http://ghe.example/octo/bench/commit/1" }), "index.json").entries).toHaveLength(2);
  });

  it.each([
    ["../../etc/passwd", "path out of the folder"],
    [`runs/../${SHA}.json`, "dot-dot inside runs/"],
    [`/runs/${SHA}.json`, "absolute path"],
    [`runs/${SHA.slice(0, 12)}.json`, "short sha"],
    [`runs/${SHA}.json.bak`, "other extension"],
    [`runs\\${SHA}.json`, "backslash"],
    [`other/${SHA}.json`, "another folder"],
  ])("refuses file %j (%s), naming the entry and the field", (file) => {
    const parse = () => parseHistoryIndex(index({ file }), "hist:index.json");
    expect(parse).toThrow(ResultsFileError);
    expect(parse).toThrow(
      new RegExp(`hist:index\\.json[\\s\\S]*/entries/1/file: entry "${SHA}": file must be runs/<40 to 64 hex digits>\\.json`),
    );
  });

  it.each(["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.com/x", "not a url", "//evil.example/x"])(
    "refuses url %j, naming the entry and the field",
    (url) => {
      expect(() => parseHistoryIndex(index({ url }), "index.json")).toThrow(
        new RegExp(`/entries/1/url: entry "${SHA}": url must be an http\\(s\\) URL or null`),
      );
    },
  );

  it("reading a history folder refuses an index that points outside it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kmb-history-"));
    try {
      await writeFile(join(dir, "index.json"), JSON.stringify(index({ file: "../secrets.json" })));
      await expect(readHistoryIndex(dir)).rejects.toThrow(/\/entries\/1\/file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
