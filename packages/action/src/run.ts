// The action's one entry point: read inputs and context, compare, publish, store, decide the exit.
// Only this function catches and turns errors into a failed step.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { WORSE_VERDICTS } from "@keras-mem-bench/report";
import { readConfig, type ActionConfig, type ActionOutput } from "./action-config.js";
import { readContext, type ActionContext } from "./action-context.js";
import { findBaseline } from "./find-baseline.js";
import { forkRefusal } from "./fork-guard.js";
import { createGitHubApi, httpStatus, type GitHubApi, type PullInfo } from "./github-api.js";
import { readHistory, storeResults } from "./history-store.js";
import { loadBaselineFile, loadResults, loadThresholds } from "./load-inputs.js";
import { checkPullHead } from "./pull-head-check.js";
import { buildReport, type BaselineSource } from "./report-body.js";
import { planRun, type RunPlan } from "./run-plan.js";
import { upsertStickyComment } from "./sticky-comment.js";

const REPORT_FILE = "keras-mem-bench-report.md";

function needsApi(config: ActionConfig, plan: RunPlan): boolean {
  return (
    (config.baseline === null && plan.baseline !== null) || "pullNumber" in plan.comment || "sha" in plan.store || plan.verifyPull !== null
  );
}

function commitUrl(context: ActionContext): (sha: string) => string {
  const { owner, repo } = context.repo;
  return (sha) => `${context.serverUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commit/${sha}`;
}

// Its own step, before anything uses the number: a baseline input must not skip it.
async function verifyPull(api: GitHubApi | null, plan: RunPlan, measuredSha: string | null): Promise<PullInfo | null> {
  if (plan.verifyPull === null) return null;
  if (api === null) throw new Error(`pull request #${plan.verifyPull.pullNumber} cannot be checked without the GitHub API`);
  const pull = await api.getPull(plan.verifyPull.pullNumber);
  checkPullHead(pull, measuredSha, plan.verifyPull.source);
  core.info(`Pull request #${pull.number}: its head ${pull.headSha} is the measured commit.`);
  return pull;
}

async function resolveBaseline(
  api: GitHubApi | null,
  config: ActionConfig,
  plan: RunPlan,
  verified: PullInfo | null,
): Promise<BaselineSource> {
  if (config.baseline !== null) return { kind: "file", path: config.baseline, results: await loadBaselineFile(config.baseline) };
  const none = { kind: "none" as const, missing: null, branch: config.historyBranch };
  if (api === null || plan.baseline === null) return none;
  let start: { sha: string; includeStart: boolean };
  if ("pullNumber" in plan.baseline) {
    const pull = verified?.number === plan.baseline.pullNumber ? verified : await api.getPull(plan.baseline.pullNumber);
    start = { sha: pull.baseSha, includeStart: true };
  } else start = plan.baseline;
  const snapshot = await readHistory(api, config.historyBranch);
  const lookup = await findBaseline(api, snapshot, start.sha, { includeStart: start.includeStart, maxAncestors: config.maxAncestors });
  if (!lookup.found) {
    core.notice(`No baseline: ${lookup.reason}. The report lists this run's cells as new; nothing can regress.`);
    return { kind: "none", missing: lookup, branch: config.historyBranch };
  }
  core.info(`Baseline: ${lookup.sha}${lookup.distance > 0 ? ` (${lookup.distance} commits back from ${lookup.requestedSha})` : ""}`);
  return { kind: "history", baseline: lookup, branch: config.historyBranch };
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.warning("GITHUB_STEP_SUMMARY is not set, so no job summary was written (the report file has it).");
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}

async function publishComment(api: GitHubApi, plan: RunPlan, markdown: string, regressions: number): Promise<void> {
  if (!("pullNumber" in plan.comment)) {
    core.info(`No pull request comment: ${plan.comment.skip}.`);
    return;
  }
  const { pullNumber, create } = plan.comment;
  try {
    const outcome = await upsertStickyComment(api, pullNumber, markdown, create || regressions > 0);
    if (outcome.action === "skipped") core.info(`No pull request comment: ${outcome.reason}.`);
    else core.info(`Comment ${outcome.action} on #${pullNumber}: ${outcome.url}`);
  } catch (error) {
    if (httpStatus(error) !== 403) throw error;
    core.warning(
      `Could not comment on #${pullNumber} (403: ${(error as Error).message}). The token is read-only: give the job "permissions: pull-requests: write", ` +
        "or, for a fork's pull request, comment from a workflow_run workflow (README: 'Pull requests from forks'). The job summary has the report.",
    );
  }
}

async function storeHistory(
  api: GitHubApi,
  config: ActionConfig,
  plan: RunPlan,
  results: Parameters<typeof storeResults>[2],
): Promise<void> {
  if (!("sha" in plan.store)) {
    core.info(`Not stored in the history branch: ${plan.store.skip}.`);
    return;
  }
  const { sha, ref } = plan.store;
  const commit = await api.getCommitInfo(sha);
  const outcome = await storeResults(api, config.historyBranch, results, {
    sha,
    parents: commit.parents,
    ref: ref || null,
    committedAt: commit.committedAt,
    message: commit.message.split("\n")[0] ?? null,
    url: commit.htmlUrl,
  });
  core.info(
    `Stored the results of ${sha} in branch ${config.historyBranch} (${outcome.index.entries.length} runs; ${outcome.attempts} attempt${outcome.attempts === 1 ? "" : "s"}).`,
  );
}

export async function run(): Promise<void> {
  try {
    const config = readConfig((name) => core.getInput(name));
    const context = readContext(process.env);
    const refusal = forkRefusal(context, config.allowForkOnSelfHosted);
    if (refusal !== null) {
      core.setFailed(refusal);
      return;
    }
    if (config.mode === "guard") {
      core.info("Runner check passed: this job may run this pull request's code here.");
      return;
    }
    const plan = planRun(config, context);
    const head = await loadResults(config.results);
    core.info(`Head results: ${head.files.join(", ")} (${head.results.cells.length} cells)`);
    const thresholds = await loadThresholds(config.thresholds);
    const api = needsApi(config, plan) ? createGitHubApi({ token: config.githubToken, baseUrl: context.apiUrl, repo: context.repo }) : null;

    // Outside a PR or push (workflow_dispatch without a sha), the results know which commit they measured.
    const headSha = plan.headSha ?? head.results.env.git?.sha ?? null;
    const verified = await verifyPull(api, plan, headSha);
    const baseline = await resolveBaseline(api, config, plan, verified);
    const report = buildReport({ head: head.results, headSha, baseline, thresholds, commitUrl: commitUrl(context) });
    const regressions = report.comparison.regressions;
    const reportPath = join(context.tempDir, REPORT_FILE);
    await writeFile(reportPath, report.markdown);
    const outputs: Record<ActionOutput, string> = {
      regressions: String(regressions),
      "report-path": reportPath,
      "baseline-sha": report.baselineSha ?? "",
    };
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    await writeSummary(report.markdown);

    if (api !== null) {
      await storeHistory(api, config, plan, head.results);
      await publishComment(api, plan, report.markdown, regressions);
    }

    if (regressions > 0) {
      const cells = report.comparison.cells.filter((c) => WORSE_VERDICTS.includes(c.verdict)).map((c) => `${c.id} (${c.verdict})`);
      const message = `${regressions} cell${regressions === 1 ? "" : "s"} got worse: ${cells.join(", ")}`;
      if (config.failOnRegression) core.setFailed(message);
      else core.warning(`${message}. fail-on-regression is false, so the step passes.`);
    } else core.info("No regressions.");
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
