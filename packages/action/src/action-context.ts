// What the run is about, from the variables and the event payload GitHub gives every step.
// Only the fields the action uses are read, each checked, so a surprising payload fails with a name.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestInfo {
  number: number;
  baseSha: string;
  headSha: string;
  /** owner/name of the head repository; null when the fork was deleted. */
  headRepo: string | null;
  baseRepo: string;
  /** Head repository differs from the base: the token is read-only and the code is untrusted. */
  fork: boolean;
}

export type EventTarget =
  | { kind: "pull-request"; pr: PullRequestInfo }
  | { kind: "push"; sha: string; ref: string; defaultBranch: string | null }
  | {
      kind: "workflow-run";
      /** The event that started the benchmark workflow, e.g. pull_request or push. */
      triggeringEvent: string;
      headSha: string;
      headBranch: string | null;
      headRepo: string | null;
      defaultBranch: string | null;
      /** Numbers GitHub links to the run; empty for a fork's pull request. */
      prNumbers: number[];
      fork: boolean;
    }
  | { kind: "other"; sha: string };

export interface ActionContext {
  eventName: string;
  repo: RepoRef;
  apiUrl: string;
  serverUrl: string;
  /** "github-hosted" or "self-hosted" (RUNNER_ENVIRONMENT); null when the runner does not say. */
  runnerEnvironment: string | null;
  tempDir: string;
  sha: string;
  ref: string | null;
  target: EventTarget;
}

export class ContextError extends Error {
  readonly code = "KMB_ACTION_CONTEXT";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "ContextError";
}

type Json = Record<string, unknown>;

function object(value: unknown, at: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ContextError(`event payload: ${at} is missing or not an object`);
  return value as Json;
}

function string(value: unknown, at: string): string {
  if (typeof value !== "string" || value === "") throw new ContextError(`event payload: ${at} is missing or not a string`);
  return value;
}

function sha(value: unknown, at: string): string {
  const s = string(value, at);
  if (!/^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(s)) throw new ContextError(`event payload: ${at} is not a commit sha: "${s.slice(0, 80)}"`);
  return s.toLowerCase();
}

function optionalString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function repoFullName(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  return optionalString((value as Json).full_name);
}

function pullRequest(payload: Json): PullRequestInfo {
  const pr = object(payload.pull_request, "pull_request");
  const base = object(pr.base, "pull_request.base");
  const head = object(pr.head, "pull_request.head");
  const number = pr.number;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 1)
    throw new ContextError("event payload: pull_request.number is not a positive integer");
  const baseRepo = repoFullName(base.repo) ?? string(repoFullName(payload.repository), "repository.full_name");
  const headRepo = repoFullName(head.repo);
  return {
    number,
    baseSha: sha(base.sha, "pull_request.base.sha"),
    headSha: sha(head.sha, "pull_request.head.sha"),
    headRepo,
    baseRepo,
    fork: headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

function workflowRun(payload: Json): EventTarget {
  const run = object(payload.workflow_run, "workflow_run");
  const repository = repoFullName(run.repository) ?? repoFullName(payload.repository);
  const headRepo = repoFullName(run.head_repository);
  const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  const prNumbers = prs
    .map((p) => (typeof p === "object" && p !== null ? (p as Json).number : null))
    .filter((n): n is number => typeof n === "number" && Number.isInteger(n) && n > 0);
  const repositoryPayload = typeof payload.repository === "object" && payload.repository !== null ? (payload.repository as Json) : {};
  return {
    kind: "workflow-run",
    triggeringEvent: string(run.event, "workflow_run.event"),
    headSha: sha(run.head_sha, "workflow_run.head_sha"),
    headBranch: optionalString(run.head_branch),
    headRepo,
    defaultBranch: optionalString(repositoryPayload.default_branch),
    prNumbers,
    fork: headRepo === null || repository === null || headRepo.toLowerCase() !== repository.toLowerCase(),
  };
}

function target(eventName: string, payload: Json, env: NodeJS.ProcessEnv, headSha: string): EventTarget {
  if (eventName === "pull_request" || eventName === "pull_request_target") return { kind: "pull-request", pr: pullRequest(payload) };
  if (eventName === "workflow_run") return workflowRun(payload);
  if (eventName === "push") {
    const repository = typeof payload.repository === "object" && payload.repository !== null ? (payload.repository as Json) : {};
    return {
      kind: "push",
      sha: payload.after === undefined ? headSha : sha(payload.after, "after"),
      ref: optionalString(payload.ref) ?? env.GITHUB_REF ?? "",
      defaultBranch: optionalString(repository.default_branch),
    };
  }
  return { kind: "other", sha: headSha };
}

/** Reads the run's context from the environment GitHub sets for every step. */
export function readContext(env: NodeJS.ProcessEnv, readEvent: (path: string) => string = (p) => readFileSync(p, "utf8")): ActionContext {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  if (eventName === "") throw new ContextError("GITHUB_EVENT_NAME is not set: this runs as a step of a GitHub Actions job");
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0) throw new ContextError(`GITHUB_REPOSITORY is "${repository}", expected owner/name`);
  let payload: Json = {};
  const eventPath = env.GITHUB_EVENT_PATH ?? "";
  if (eventPath !== "") {
    let text: string;
    try {
      text = readEvent(eventPath);
    } catch (error) {
      throw new ContextError(`cannot read the event payload GITHUB_EVENT_PATH=${eventPath}: ${(error as Error).message}`);
    }
    try {
      payload = object(JSON.parse(text), "(root)");
    } catch (error) {
      if (error instanceof ContextError) throw error;
      throw new ContextError(`the event payload ${eventPath} is not JSON: ${(error as Error).message}`);
    }
  }
  const headSha = (env.GITHUB_SHA ?? "").toLowerCase();
  return {
    eventName,
    repo: { owner, repo },
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    runnerEnvironment: optionalString(env.RUNNER_ENVIRONMENT),
    tempDir: env.RUNNER_TEMP || tmpdir(),
    sha: headSha,
    ref: optionalString(env.GITHUB_REF),
    target: target(eventName, payload, env, headSha),
  };
}
