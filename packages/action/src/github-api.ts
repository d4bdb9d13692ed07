// The only file that talks HTTP. Everything above it works with this small interface, so the
// logic reads like git and the tests can point the real client at a local server.
import { getOctokit } from "@actions/github";
import type { RepoRef } from "./action-context.js";

export interface TreeEntry {
  path: string;
  type: string;
  sha: string;
  mode: string;
}

export interface CommitInfo {
  sha: string;
  parents: string[];
  committedAt: string;
  message: string;
  htmlUrl: string | null;
}

export interface IssueComment {
  id: number;
  body: string;
  htmlUrl: string;
  /** The author's account type ("User", "Bot", "Organization"); null when the account is gone. */
  authorType: string | null;
  /** The author's relation to the repository: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
  authorAssociation: string;
}

export interface PullInfo {
  number: number;
  baseSha: string;
  headSha: string;
  headRepo: string | null;
  baseRepo: string | null;
}

/** Outcome of moving a branch: `conflict` when someone else moved it first (not a fast-forward). */
export type RefUpdate = "updated" | "conflict";

export interface GitHubApi {
  getBranchTip(branch: string): Promise<string | null>;
  getCommitTree(commitSha: string): Promise<string>;
  getTree(treeSha: string): Promise<TreeEntry[]>;
  getBlob(blobSha: string): Promise<string>;
  createBlob(content: string): Promise<string>;
  createTree(baseTree: string | null, files: Array<{ path: string; sha: string }>): Promise<string>;
  createCommit(message: string, tree: string, parents: string[]): Promise<string>;
  /** Fast-forwards `branch` from `expectedTip` (the tip the commit was built on) to `commitSha`. */
  updateBranch(branch: string, commitSha: string, expectedTip: string): Promise<RefUpdate>;
  createBranch(branch: string, commitSha: string): Promise<RefUpdate>;
  getCommitInfo(sha: string): Promise<CommitInfo>;
  /** The commit and its ancestors, newest first, as `git log` lists them; at most `max`. */
  listAncestors(sha: string, max: number): Promise<string[]>;
  listIssueComments(issueNumber: number): Promise<IssueComment[]>;
  createIssueComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateIssueComment(commentId: number, body: string): Promise<void>;
  deleteIssueComment(commentId: number): Promise<void>;
  getPull(pullNumber: number): Promise<PullInfo>;
}

/** An HTTP error from GitHub with its status, so callers can tell "missing" from "forbidden". */
export function httpStatus(error: unknown): number | null {
  if (typeof error === "object" && error !== null && "status" in error && typeof (error as { status: unknown }).status === "number") {
    return (error as { status: number }).status;
  }
  return null;
}

const PAGE = 100;

/** A comment as the REST API returns it (listed or just created), in the fields the action reads. */
function issueComment(c: {
  id: number | bigint;
  body?: string | null | undefined;
  html_url: string;
  user?: { type?: string | undefined } | null | undefined;
  author_association?: string | null | undefined;
}): IssueComment {
  return {
    id: Number(c.id),
    body: c.body ?? "",
    htmlUrl: c.html_url,
    authorType: c.user?.type ?? null,
    authorAssociation: c.author_association ?? "NONE",
  };
}

export function createGitHubApi(options: { token: string; baseUrl: string; repo: RepoRef }): GitHubApi {
  if (options.token === "")
    throw new Error('input "github-token": is empty; pass ${{ github.token }} or a token with the permissions listed in the README');
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl, userAgent: "keras-mem-bench-action" });
  const { owner, repo } = options.repo;

  const tipOf = async (branch: string): Promise<string | null> => {
    try {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner, repo, ref: `heads/${branch}` });
      return data.object.sha;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  };

  // 409/422 also mean a bad sha, a protected branch or a bad name: only a moved tip is worth a retry.
  const conflictOn = async (branch: string, expectedTip: string | null, call: () => Promise<unknown>): Promise<RefUpdate> => {
    try {
      await call();
      return "updated";
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 422 && status !== 409) throw error;
      if ((await tipOf(branch)) !== expectedTip) return "conflict";
      throw new Error(`branch "${branch}" could not be moved (HTTP ${status}), and nobody else moved it: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };

  return {
    getBranchTip: tipOf,
    async getCommitTree(commitSha) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { owner, repo, commit_sha: commitSha });
      return data.tree.sha;
    },
    async getTree(treeSha) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner, repo, tree_sha: treeSha });
      return data.tree.flatMap((e) =>
        e.path && e.type && e.sha && e.mode ? [{ path: e.path, type: e.type, sha: e.sha, mode: e.mode }] : [],
      );
    },
    async getBlob(blobSha) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { owner, repo, file_sha: blobSha });
      return data.encoding === "base64" ? Buffer.from(data.content, "base64").toString("utf8") : data.content;
    },
    async createBlob(content) {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/git/blobs", { owner, repo, content, encoding: "utf-8" });
      return data.sha;
    },
    async createTree(baseTree, files) {
      const tree = files.map((f) => ({ path: f.path, mode: "100644" as const, type: "blob" as const, sha: f.sha }));
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/git/trees", {
        owner,
        repo,
        tree,
        ...(baseTree ? { base_tree: baseTree } : {}),
      });
      return data.sha;
    },
    async createCommit(message, tree, parents) {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/git/commits", { owner, repo, message, tree, parents });
      return data.sha;
    },
    updateBranch(branch, commitSha, expectedTip) {
      return conflictOn(branch, expectedTip, () =>
        octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
          owner,
          repo,
          ref: `heads/${branch}`,
          sha: commitSha,
          force: false,
        }),
      );
    },
    createBranch(branch, commitSha) {
      return conflictOn(branch, null, () =>
        octokit.request("POST /repos/{owner}/{repo}/git/refs", { owner, repo, ref: `refs/heads/${branch}`, sha: commitSha }),
      );
    },
    async getCommitInfo(sha) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { owner, repo, ref: sha });
      return {
        sha: data.sha,
        parents: data.parents.map((p) => p.sha),
        committedAt: data.commit.committer?.date ?? data.commit.author?.date ?? new Date(0).toISOString(),
        message: data.commit.message,
        htmlUrl: data.html_url ?? null,
      };
    },
    async listAncestors(sha, max) {
      const shas: string[] = [];
      for (let page = 1; shas.length < max; page++) {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits", { owner, repo, sha, per_page: PAGE, page });
        shas.push(...data.map((c) => c.sha));
        if (data.length < PAGE) break;
      }
      return shas.slice(0, max);
    },
    async listIssueComments(issueNumber) {
      const comments = await octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: PAGE,
      });
      return comments.map(issueComment);
    },
    async createIssueComment(issueNumber, body) {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: issueNumber,
        body,
      });
      return issueComment(data);
    },
    async updateIssueComment(commentId, body) {
      await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner, repo, comment_id: commentId, body });
    },
    async deleteIssueComment(commentId) {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner, repo, comment_id: commentId });
    },
    async getPull(pullNumber) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner, repo, pull_number: pullNumber });
      return {
        number: data.number,
        baseSha: data.base.sha,
        headSha: data.head.sha,
        headRepo: data.head.repo?.full_name ?? null,
        baseRepo: data.base.repo?.full_name ?? null,
      };
    },
  };
}
