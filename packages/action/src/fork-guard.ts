import type { ActionContext } from "./action-context.js";

/**
 * Why this job must not go on, or null when it may.
 *
 * A pull request from a fork runs code that nobody with write access has reviewed. On a
 * GitHub-hosted runner that code gets a fresh VM that is thrown away; on a self-hosted runner it
 * gets the machine: its network, its disks, other jobs' leftovers and any credentials on it, and
 * it can stay behind for the next job. So a fork's pull_request job on a self-hosted runner is
 * refused unless the owner says the runner is isolated (allow-fork-on-self-hosted).
 * `workflow_run` jobs run the default branch's code on the fork's results (plain data), so they
 * are not refused.
 */
export function forkRefusal(context: ActionContext, allowForkOnSelfHosted: boolean): string | null {
  if (context.target.kind !== "pull-request" || !context.target.pr.fork) return null;
  if (context.runnerEnvironment !== "self-hosted" || allowForkOnSelfHosted) return null;
  const from = context.target.pr.headRepo ?? "a deleted fork";
  return [
    `refusing to run: pull request #${context.target.pr.number} comes from ${from}, and this job runs on a self-hosted runner.`,
    "A fork's code is untrusted: on a self-hosted runner it can read or change the machine, its network and any credentials left on it, and persist into later jobs.",
    "Benchmark forks on GitHub-hosted runners and comment from a workflow_run workflow (see the action's README, 'Pull requests from forks'),",
    "or, if this runner is ephemeral and isolated, set the input allow-fork-on-self-hosted: true.",
  ].join(" ");
}
