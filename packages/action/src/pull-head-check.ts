// A pull request number from an input or an artifact can be anything a fork wrote. Before the
// number picks a baseline or a thread to comment on, the pull request must be the one the results
// were measured on: its head commit must be the measured commit.
import type { PullInfo } from "./github-api.js";
import type { RunPlan } from "./run-plan.js";

export class PullHeadError extends Error {
  readonly code = "KMB_ACTION_PULL_HEAD";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "PullHeadError";
}

function origin(source: NonNullable<RunPlan["verifyPull"]>["source"]): string {
  return source === "input" ? 'input "pr-number"' : "workflow_run event (pull_requests)";
}

/** Throws unless `pull`'s head is `measuredSha`; the message names the pull request and both shas. */
export function checkPullHead(pull: PullInfo, measuredSha: string | null, source: NonNullable<RunPlan["verifyPull"]>["source"]): void {
  if (measuredSha === null) {
    throw new PullHeadError(
      `${origin(source)}: cannot check pull request #${pull.number} (head ${pull.headSha}): the commit the results were measured on is unknown ` +
        "(the event names none and the results have no env.git.sha); refusing to use a pull request the results may not belong to",
    );
  }
  if (pull.headSha.toLowerCase() !== measuredSha.toLowerCase()) {
    throw new PullHeadError(
      `${origin(source)}: pull request #${pull.number} has head ${pull.headSha}, but the results were measured on ${measuredSha}; ` +
        "refusing to use a pull request the results do not belong to",
    );
  }
}
