import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { historyRunPath, readHistoryIndex, withHistoryEntry, type HistoryEntry } from "../src/index.js";

const entry = (sha: string, committedAt: string): HistoryEntry => ({
  sha,
  parents: [],
  ref: "refs/heads/main",
  committedAt,
  message: null,
  url: null,
  file: historyRunPath(sha),
});

describe("history index", () => {
  it("keeps entries in commit order and replaces a re-stored sha", () => {
    let index = { schemaVersion: 1 as const, entries: [] as HistoryEntry[] };
    index = withHistoryEntry(index, entry("bbbbbbb", "2026-11-02T00:00:00Z"));
    index = withHistoryEntry(index, entry("aaaaaaa", "2026-11-01T00:00:00Z"));
    index = withHistoryEntry(index, { ...entry("bbbbbbb", "2026-11-02T00:00:00Z"), message: "again" });
    expect(index.entries.map((e) => e.sha)).toEqual(["aaaaaaa", "bbbbbbb"]);
    expect(index.entries[1]?.message).toBe("again");
  });

  it("treats a missing index as empty history and names a broken one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kmb-history-"));
    try {
      expect((await readHistoryIndex(dir)).entries).toEqual([]);
      await writeFile(join(dir, "index.json"), JSON.stringify({ schemaVersion: 1, entries: [{ sha: 5 }] }));
      await expect(readHistoryIndex(dir)).rejects.toThrow(/index\.json[\s\S]*\/entries\/0\/sha/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file name that is not a sha", () => {
    expect(() => historyRunPath("../etc/passwd")).toThrow(/not a commit sha/);
  });
});
