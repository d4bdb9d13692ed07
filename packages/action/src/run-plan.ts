// What this run will do, decided from the config and the event alone (no I/O), so every event
// kind's behaviour is stated in one place and can be tested without a server.
import type { ActionConfig } from "./action-config.js";
import type { ActionContext } from "./action-context.js";

export interface RunPlan {
  /** The commit the head results belong to, when known. */
  headSha: string | null;
  /** Where to look for the baseline: a PR's base (itself counts) or a commit's ancestors (it does not). */
  baseline: { sha: string; includeStart: boolean } | { pullNumber: number } | null;
  /** The pull request to comment on, or why not. */
  comment: { pullNumber: number; create: boolean } | { skip: string };
  /**
   * A pull request number that came from an input or a workflow_run payload: before it is used for
   * anything, its head must be the commit the results were measured on (`headSha`, else the
   * results' own git sha). Null when the number is the triggering pull_request event itself.
   */
  verifyPull: { pullNumber: number; source: "input" | "event" } | null;
  store: { sha: string; ref: string } | { skip: string };
}

const isPullRequestEvent = (name: string) => name === "pull_request" || name === "pull_request_target";

export class PlanError extends Error {
  readonly code = "KMB_ACTION_PLAN";
}

function commentPlan(config: ActionConfig, pullNumber: number | null, readOnly: string | null): RunPlan["comment"] {
  if (pullNumber === null) return { skip: "this run is not about a pull request" };
  if (config.comment === "never") return { skip: "comment: never" };
  if (readOnly) return { skip: readOnly };
  return { pullNumber, create: config.comment === "always" };
}

function storePlan(
  config: ActionConfig,
  sha: string | null,
  ref: string | null,
  onDefaultBranch: boolean,
  pushLike: boolean,
): RunPlan["store"] {
  if (config.storeHistory === "false") return { skip: "store-history: false" };
  if (!pushLike) return { skip: "only pushes are stored (a pull request's results are not history)" };
  if (config.storeHistory === "auto" && !onDefaultBranch) return { skip: "store-history: auto stores pushes to the default branch only" };
  if (sha === null || !/^[0-9a-f]{40,64}$/.test(sha)) return { skip: "the commit of this run is unknown" };
  return { sha, ref: ref ?? "" };
}

const fromInput = (config: ActionConfig): RunPlan["verifyPull"] =>
  config.prNumber === null ? null : { pullNumber: config.prNumber, source: "input" };

export function planRun(config: ActionConfig, context: ActionContext): RunPlan {
  const target = context.target;
  switch (target.kind) {
    case "pull-request": {
      const pr = target.pr;
      // Under pull_request a fork's token is read-only: commenting would fail with 403.
      const readOnly =
        pr.fork && context.eventName === "pull_request"
          ? "a fork's pull_request token cannot comment; upload the results and comment from a workflow_run workflow (README: 'Pull requests from forks')"
          : null;
      return {
        headSha: pr.headSha,
        baseline: { sha: pr.baseSha, includeStart: true },
        comment: commentPlan(config, pr.number, readOnly),
        // The number is the event's own pull request, whose head is what this run checked out.
        verifyPull: null,
        store: storePlan(config, null, null, false, false),
      };
    }
    case "push": {
      const onDefault = target.defaultBranch !== null && target.ref === `refs/heads/${target.defaultBranch}`;
      return {
        headSha: target.sha,
        baseline: { sha: target.sha, includeStart: false },
        comment: commentPlan(config, config.prNumber, null),
        verifyPull: fromInput(config),
        store: storePlan(config, target.sha, target.ref, onDefault, true),
      };
    }
    case "workflow-run": {
      if (isPullRequestEvent(target.triggeringEvent)) {
        const linked = target.prNumbers[0] ?? null;
        const pullNumber = config.prNumber ?? linked;
        if (pullNumber === null) {
          throw new PlanError(
            'input "pr-number": required here. This workflow_run event links no pull request (GitHub leaves the list empty for forks); ' +
              "pass the number the benchmark workflow saved next to its results.",
          );
        }
        return {
          headSha: target.headSha,
          baseline: { pullNumber },
          comment: commentPlan(config, pullNumber, null),
          verifyPull: { pullNumber, source: config.prNumber !== null ? "input" : "event" },
          store: { skip: "only pushes are stored (a pull request's results are not history)" },
        };
      }
      const onDefault = target.defaultBranch !== null && target.headBranch === target.defaultBranch && !target.fork;
      return {
        headSha: target.headSha,
        baseline: { sha: target.headSha, includeStart: false },
        comment: commentPlan(config, config.prNumber, null),
        verifyPull: fromInput(config),
        store: storePlan(
          config,
          target.headSha,
          target.headBranch ? `refs/heads/${target.headBranch}` : null,
          onDefault,
          target.triggeringEvent === "push",
        ),
      };
    }
    case "other": {
      const sha = /^[0-9a-f]{40,64}$/.test(target.sha) ? target.sha : null;
      return {
        headSha: sha,
        baseline: config.prNumber !== null ? { pullNumber: config.prNumber } : sha ? { sha, includeStart: false } : null,
        comment: commentPlan(config, config.prNumber, null),
        verifyPull: fromInput(config),
        store: storePlan(config, sha, context.ref, false, true),
      };
    }
  }
}
