import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateWorkflow } from "@action-validator/core";
import { bufferedIo } from "@keras-mem-bench/results";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initCommand } from "../src/cli/command-init.js";
import { ACTION_REF, WORKFLOW_FILE } from "../src/cli/init-templates.js";
import { loadSuite } from "../src/suite/suite-load.js";

// Inside the workspace, so the written suite's `import "keras-mem-bench"` resolves as in a user's project.
const SCRATCH_PARENT = fileURLToPath(new URL(".", import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(SCRATCH_PARENT, ".init-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function init(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferedIo();
  const code = await initCommand(argv, io, dir);
  return { code, stdout: io.out, stderr: io.err };
}

describe("kmb init", () => {
  it("writes a JavaScript suite that loads as written and a workflow that passes action-validator", async () => {
    const run = await init([]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("wrote kmb.suite.mjs");
    const suite = await loadSuite(join(dir, "kmb.suite.mjs"), { quick: false });
    expect(suite.families.map((f) => f.family)).toEqual(["my-model", "dense"]);
    expect(suite.strategies.map((s) => s.strategy)).toEqual(["in-memory", "my-pipeline"]);
    const quick = await loadSuite(join(dir, "kmb.suite.mjs"), { quick: true });
    expect(quick.batchSizes).toEqual([32]);

    const workflow = await readFile(join(dir, WORKFLOW_FILE), "utf8");
    expect(validateWorkflow(workflow).errors).toEqual([]);
    expect(workflow).toContain(`uses: ${ACTION_REF}`);
    expect(workflow).toContain("run: npx kmb --config kmb.suite.mjs --quick --out kmb-results.json");
    expect(workflow).toMatch(/pull_request:/);
    expect(workflow).toMatch(/push:/);
  });

  it("writes a TypeScript suite with --ts, and the workflow runs that file", async () => {
    expect((await init(["--ts"])).code).toBe(0);
    const suite = await loadSuite(join(dir, "kmb.suite.ts"), { quick: false });
    expect(suite.families.map((f) => f.family)).toEqual(["my-model", "dense"]);
    expect(await readFile(join(dir, WORKFLOW_FILE), "utf8")).toContain("--config kmb.suite.ts");
  });

  it("uses the project's package manager in the workflow", async () => {
    await writeFile(join(dir, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    expect((await init([])).code).toBe(0);
    const workflow = await readFile(join(dir, WORKFLOW_FILE), "utf8");
    expect(validateWorkflow(workflow).errors).toEqual([]);
    expect(workflow).toContain("run: pnpm install --frozen-lockfile");
    expect(workflow).toContain("run: pnpm exec kmb --config kmb.suite.mjs");
  });

  it("never overwrites without --force: it names what exists and writes nothing", async () => {
    await writeFile(join(dir, "kmb.suite.mjs"), "mine\n");
    const run = await init([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("kmb.suite.mjs already exists; nothing was written (--force overwrites)");
    expect(await readFile(join(dir, "kmb.suite.mjs"), "utf8")).toBe("mine\n");
    await expect(readFile(join(dir, WORKFLOW_FILE), "utf8")).rejects.toThrow(/ENOENT/);

    const forced = await init(["--force"]);
    expect(forced.code).toBe(0);
    expect(await readFile(join(dir, "kmb.suite.mjs"), "utf8")).toContain("defineSuite");
  });

  it("refuses an unknown option with the usage", async () => {
    const run = await init(["--typescript"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: kmb init");
  });
});
