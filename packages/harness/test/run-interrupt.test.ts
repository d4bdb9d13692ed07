import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readResultsFile, type ResultsFile } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, TINY_DENSE_ARGS } from "./_run.js";

const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const CLI = join(REPO_ROOT, "packages/harness/src/cli/cli.ts");

describe("Ctrl-C during a run", () => {
  it("stops, keeps the cells already measured in a valid results file, and exits 130", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kmb-interrupt-"));
    const out = join(dir, "partial.json");
    try {
      const child = spawn(process.execPath, ["--import", TSX, CLI, ...TINY_DENSE_ARGS, "--out", out], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, CI: "1" },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));

      // Interrupt as soon as the first cell is in the file.
      let partial: ResultsFile | undefined;
      while (!partial) {
        await new Promise((r) => setTimeout(r, 100));
        const read = await readResultsFile(out).catch(() => undefined);
        if (read && read.cells.length > 0) partial = read;
        if (child.exitCode !== null) break;
      }
      child.kill("SIGINT");
      expect(await exited, stderr).toBe(130);
      expect(stderr).toContain("interrupted; stopping the running cell and writing the results file");

      const results = await readResultsFile(out);
      expect(results.cells.length).toBeGreaterThanOrEqual(1);
      expect(results.cells.length).toBeLessThan(4);
      expect(results.cells.every((c) => c.status === "ok")).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
