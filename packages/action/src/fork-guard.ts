import type { ActionContext } from "./action-context.js";

/**
 * Why this job must not go on, or null when it may.
 *
 * A pull request from a fork runs code that nobody with write access has reviewed. On a
 * GitHub-hosted runner that code gets a fresh VM that is thrown away; on a self-hosted runner it
 * gets the machine: its network, its disks, other jobs' leftovers and any credentials on it, and
 * it can stay behind for the next job. So a fork's pull_request job is refused unless the runner
 * says it is GitHub-hosted (RUNNER_ENVIRONMENT) or the owner says it is isolated
 * (allow-fork-on-self-hosted). A runner that does not say (older runners, GHES) is treated as
 * self-hosted: guessing wrong there hands the machine to the fork.
 * `workflow_run` jobs run the default branch's code on the fork's results (plain data), so they
 * are not refused.
 */
export function forkRefusal(context: ActionContext, allowForkOnSelfHosted: boolean): string | null {
  if (context.target.kind !== "pull-request" || !context.target.pr.fork) return null;
  if (context.runnerEnvironment === "github-hosted" || allowForkOnSelfHosted) return null;
  const from = context.target.pr.headRepo ?? "a deleted fork";
  const where =
    context.runnerEnvironment === "self-hosted"
      ? "this job runs on a self-hosted runner."
      : `this runner does not say whether it is GitHub-hosted (RUNNER_ENVIRONMENT is ${context.runnerEnvironment === null ? "unset" : `"${context.runnerEnvironment}"`}), so it is treated as self-hosted.`;
  return [
    `refusing to run: pull request #${context.target.pr.number} comes from ${from}, and ${where}`,
    "A fork's code is untrusted: on a self-hosted runner it can read or change the machine, its network and any credentials left on it, and persist into later jobs.",
    "Benchmark forks on GitHub-hosted runners and comment from a workflow_run workflow (see the action's README, 'Pull requests from forks'),",
    "or, if this runner is GitHub-hosted, or ephemeral and isolated, set the input allow-fork-on-self-hosted: true.",
  ].join(" ");
}
