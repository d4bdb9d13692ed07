// action.yml and every workflow must pass the workflow linter, and action.yml must declare exactly
// what the code reads and writes, and the README must document all of it.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { validateAction, validateWorkflow } from "@action-validator/core";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { ACTION_OUTPUTS, readConfig } from "../src/action-config.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const WORKFLOWS = join(ROOT, ".github", "workflows");
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"));
const actionYml = readFileSync(join(ROOT, "action.yml"), "utf8");
const action = parse(actionYml) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};
const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const readmeWorkflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .filter((e) => /^on:/m.test(e) && /^jobs:/m.test(e));

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name?: string;
  on: unknown;
  permissions?: unknown;
  jobs: Record<string, { if?: string; permissions?: unknown; steps?: Step[] }>;
}

/** Steps that run this action: the published name in examples, a local checkout in this repository. */
function ourSteps(workflow: Workflow): Step[] {
  const ours = (uses: string) => /^owner\/keras-mem-bench@/.test(uses) || uses === "./" || uses === "./.kmb-trusted";
  return Object.values(workflow.jobs).flatMap((job) =>
    (job.steps ?? []).filter((step) => typeof step.uses === "string" && ours(step.uses)),
  );
}

describe("workflow lint (@action-validator)", () => {
  test("action.yml is a valid action", () => {
    expect(validateAction(actionYml).errors).toEqual([]);
  });

  test.each(workflowFiles)(".github/workflows/%s is a valid workflow", (file) => {
    expect(validateWorkflow(readFileSync(join(WORKFLOWS, file), "utf8")).errors).toEqual([]);
  });

  test("the linter does reject a broken workflow", () => {
    expect(validateWorkflow("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n").errors).not.toEqual([]);
  });

  test("ci, bench, bench-comment and release workflows exist", () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(["ci.yml", "bench.yml", "bench-comment.yml", "release.yml"]));
  });
});

describe("action.yml matches the code", () => {
  test("it runs the committed bundle on node20", () => {
    expect(action.runs).toEqual({ using: "node20", main: "packages/action/dist/index.js" });
    expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
  });

  test("it declares exactly the inputs the config reads", () => {
    const read = new Set<string>();
    readConfig((name) => {
      read.add(name);
      return name === "results" ? "r.json" : "";
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
  });

  test("every input default parses", () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? "")]));
    const config = readConfig((name) => (name === "results" ? "r.json" : (defaults[name] ?? "")).replace("${{ github.token }}", "ghs_x"));
    expect(config).toMatchObject({
      historyBranch: "keras-mem-bench-history",
      comment: "always",
      failOnRegression: true,
      storeHistory: "auto",
      allowForkOnSelfHosted: false,
    });
  });

  test("it declares exactly the outputs run() sets", () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
  });

  test("the README documents every input and output, with workflow examples", () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) expect(readme, name).toContain(`\`${name}\``);
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(4);
    for (const example of readmeWorkflows) expect(validateWorkflow(example).errors, example.slice(0, 80)).toEqual([]);
  });
});

describe("workflows use the action as action.yml declares it", () => {
  const sources = [
    ...readmeWorkflows.map((text, i) => ({ name: `README example ${i + 1}`, workflow: parse(text) as Workflow })),
    ...workflowFiles.map((file) => ({ name: file, workflow: parse(readFileSync(join(WORKFLOWS, file), "utf8")) as Workflow })),
  ];

  test.each(sources)("$name passes only declared inputs to this action", ({ workflow }) => {
    for (const step of ourSteps(workflow)) {
      const unknown = Object.keys(step.with ?? {}).filter((key) => !(key in action.inputs));
      expect(unknown, `${step.uses} with: ${Object.keys(step.with ?? {}).join(", ")}`).toEqual([]);
    }
  });

  test("the check does find this action's steps (README examples and bench.yml)", () => {
    expect(sources.flatMap((s) => ourSteps(s.workflow)).length).toBeGreaterThanOrEqual(7);
  });

  test("the README's bench-comment example is the repository's bench-comment.yml, apart from how the action is referenced", () => {
    const example = sources.find((s) => s.workflow.name === "bench-comment")?.workflow;
    const real = parse(readFileSync(join(WORKFLOWS, "bench-comment.yml"), "utf8")) as Workflow;
    expect(example, "README has a workflow named bench-comment").toBeDefined();
    const shape = (w: Workflow) => {
      const job = w.jobs.comment;
      return { on: w.on, permissions: w.permissions, if: job?.if, jobPermissions: job?.permissions, with: ourSteps(w).map((s) => s.with) };
    };
    expect(shape(example as Workflow)).toEqual(shape(real));
  });
});
