// Runs the committed dist/index.js the way the GitHub runner does: a fresh `node` process whose
// inputs are INPUT_* variables and whose context is GITHUB_* variables plus an event file.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inputEnvName } from "../src/action-config.js";
import { BUNDLE_PATH } from "../scripts/bundle.js";

export interface BundleRun {
  status: number | null;
  output: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface BundleRunOptions {
  inputs: Record<string, string>;
  eventName: string;
  event: unknown;
  apiUrl: string;
  repository?: string;
  sha?: string;
  ref?: string;
  runnerEnvironment?: string;
  cwd?: string;
}

/** Parses the GITHUB_OUTPUT file @actions/core writes: name<<DELIM / value / DELIM. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!m) continue;
    const [, name, delimiter] = m as unknown as [string, string, string];
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? "");
    outputs[name] = value.join("\n");
  }
  return outputs;
}

export async function runBundle(options: BundleRunOptions): Promise<BundleRun> {
  const dir = await mkdtemp(join(tmpdir(), "kmb-action-run-"));
  const eventPath = join(dir, "event.json");
  const outputPath = join(dir, "output.txt");
  const summaryPath = join(dir, "summary.md");
  await writeFile(eventPath, JSON.stringify(options.event));
  await writeFile(outputPath, "");
  await writeFile(summaryPath, "");
  // A clean environment: when these tests run inside GitHub Actions, the job's own GITHUB_* must not leak in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? "octo/bench",
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_SHA: options.sha ?? "",
    GITHUB_REF: options.ref ?? "",
    RUNNER_TEMP: dir,
    RUNNER_ENVIRONMENT: options.runnerEnvironment ?? "github-hosted",
  };
  for (const [name, value] of Object.entries(options.inputs)) env[inputEnvName(name)] = value;
  const child = spawn(process.execPath, [BUNDLE_PATH], { cwd: options.cwd ?? dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    status,
    output,
    outputs: parseOutputFile(await readFile(outputPath, "utf8")),
    summary: await readFile(summaryPath, "utf8"),
  };
}

export function pullRequestEvent(pr: { number: number; baseSha: string; headSha: string; headRepo?: string; baseRepo?: string }) {
  const baseRepo = pr.baseRepo ?? "octo/bench";
  return {
    action: "synchronize",
    number: pr.number,
    pull_request: {
      number: pr.number,
      head: { sha: pr.headSha, ref: "feature", repo: { full_name: pr.headRepo ?? baseRepo } },
      base: { sha: pr.baseSha, ref: "main", repo: { full_name: baseRepo } },
    },
    repository: { full_name: baseRepo, default_branch: "main" },
  };
}

/** The workflow_run payload after a benchmark of mallory/bench's `feature` branch, run for a pull request to octo/bench. */
export function forkWorkflowRunEvent(headSha: string) {
  return {
    workflow_run: {
      event: "pull_request",
      head_sha: headSha,
      head_branch: "feature",
      head_repository: { full_name: "mallory/bench" },
      repository: { full_name: "octo/bench" },
      pull_requests: [],
    },
    repository: { full_name: "octo/bench", default_branch: "main" },
  };
}
