// A local stand-in for api.github.com: a tiny git object store, a commit graph, issue comments and
// pull requests, behind a real HTTP server. Every request is checked against GitHub's OpenAPI
// description before it is handled, and every response against it before it is sent; anything
// off is recorded in `violations` (and answered with 400) so a test can assert there was none.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { OpenApiValidator, loadGitHubOpenApi, type Operation } from "./_openapi.js";

type Json = Record<string, unknown>;

let sharedValidator: OpenApiValidator | undefined;
/** Parsing the 13 MB description takes a moment; one validator per test worker is enough. */
export function gitHubOpenApi(): OpenApiValidator {
  sharedValidator ??= new OpenApiValidator(loadGitHubOpenApi());
  return sharedValidator;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string;
  status: number;
  body: unknown;
}

interface TreeItem {
  mode: string;
  type: "blob" | "tree";
  sha: string;
}

interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  date: string;
}

interface RepoCommit {
  sha: string;
  parents: string[];
  message: string;
  date: string;
}

export interface CommentAuthor {
  login: string;
  /** GitHub's account type: "User", "Bot" or "Organization". */
  type: string;
  /** author_association: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
  association: string;
}

/** Who writes a comment through the API with the job's github.token. */
export const ACTIONS_BOT: CommentAuthor = { login: "github-actions[bot]", type: "Bot", association: "NONE" };

interface Comment {
  id: number;
  issue: number;
  body: string;
  author: CommentAuthor;
  createdAt: string;
  updatedAt: string;
}

interface Pull {
  number: number;
  baseSha: string;
  headSha: string;
  headRepo: string;
  baseRepo: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const gitSha = (type: string, content: Buffer) => createHash("sha1").update(`${type} ${content.length}\0`).update(content).digest("hex");

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Called before each ref update is applied; a test uses it to move the ref under the action. */
  beforeRefUpdate?: (fake: FakeGitHub, ref: string, attempt: number) => void;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly violations: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly refs = new Map<string, string>();
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, Map<string, TreeItem>>();
  readonly gitCommits = new Map<string, GitCommit>();
  /** The repository's own history (what the list-commits and get-commit endpoints walk). */
  readonly repoCommits = new Map<string, RepoCommit>();
  readonly comments: Comment[] = [];
  readonly pulls = new Map<number, Pull>();
  private readonly api = gitHubOpenApi();
  private server: Server | undefined;
  private nextCommentId = 1000;
  private refUpdates = 0;
  private clock = Date.parse("2026-11-01T00:00:00Z");
  url = "";

  constructor(private readonly options: FakeGitHubOptions = {}) {
    this.owner = options.owner ?? "octo";
    this.repo = options.repo ?? "bench";
  }

  // ---- set-up helpers for tests ------------------------------------------------------------

  /** Adds a commit to the repository's history; returns its sha. */
  addRepoCommit(message: string, parents: string[] = []): string {
    const date = this.tick();
    const sha = createHash("sha1")
      .update(`${message}\0${parents.join(",")}\0${date}`)
      .digest("hex");
    this.repoCommits.set(sha, { sha, parents, message, date });
    return sha;
  }

  /** A straight line of n commits on top of `from` (or a new root); returns their shas, oldest first. */
  addRepoChain(n: number, from: string | null = null): string[] {
    const shas: string[] = [];
    let parent = from;
    for (let i = 0; i < n; i++) {
      parent = this.addRepoCommit(`commit ${this.repoCommits.size + 1}`, parent ? [parent] : []);
      shas.push(parent);
    }
    return shas;
  }

  addPull(pull: Pull): void {
    this.pulls.set(pull.number, pull);
  }

  /** Adds a comment; by default as the action's own bot would have written it. */
  addComment(issue: number, body: string, author: CommentAuthor = ACTIONS_BOT): Comment {
    const at = this.tick();
    const comment = { id: this.nextCommentId++, issue, body, author, createdAt: at, updatedAt: at };
    this.comments.push(comment);
    return comment;
  }

  /** Commits `files` (path → text) on top of branch `branch` directly, as another writer would. */
  commitFiles(branch: string, files: Record<string, string>, message = "external write"): string {
    const tip = this.refs.get(`refs/heads/${branch}`) ?? null;
    const base = tip ? (this.gitCommits.get(tip)?.tree ?? null) : null;
    const entries = Object.entries(files).map(([path, text]) => ({ path, sha: this.putBlob(Buffer.from(text)) }));
    const tree = this.buildTree(base, entries);
    const sha = this.putCommit(tree, tip ? [tip] : [], message);
    this.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** The text of a file on a branch, or null. */
  readFile(branch: string, path: string): string | null {
    const tip = this.refs.get(`refs/heads/${branch}`);
    if (!tip) return null;
    let tree = this.gitCommits.get(tip)?.tree;
    const parts = path.split("/");
    for (const [i, part] of parts.entries()) {
      const item = tree ? this.trees.get(tree)?.get(part) : undefined;
      if (!item) return null;
      if (i === parts.length - 1) return item.type === "blob" ? (this.blobs.get(item.sha)?.toString("utf8") ?? null) : null;
      tree = item.sha;
    }
    return null;
  }

  count(operationId: string): number {
    return this.requests.filter((r) => r.operationId === operationId).length;
  }

  // ---- the server ---------------------------------------------------------------------------

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => (this.server ? this.server.close((e) => (e ? reject(e) : resolve())) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const method = req.method ?? "GET";
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const route = this.api.match(method, url.pathname);
    if (typeof route === "string") {
      this.violations.push(`${method} ${url.pathname}: ${route}`);
      this.requests.push({ method, path: url.pathname, operationId: "(none)", status: 404, body: text });
      return send(404, { message: route, documentation_url: "https://docs.github.com/rest" });
    }
    const issues = this.api.validateRequest(route, url.searchParams, req.headers, text);
    const body = text === "" ? undefined : (JSON.parse(text) as Json);
    const record = (status: number) =>
      this.requests.push({ method, path: url.pathname, operationId: route.operation.operationId, status, body });
    if (issues.length > 0) {
      this.violations.push(...issues);
      record(400);
      return send(400, { message: issues.join("; "), documentation_url: "https://docs.github.com/rest" });
    }
    if (route.pathParams.owner !== this.owner || route.pathParams.repo !== this.repo) {
      record(404);
      return this.reply(route.operation, res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    }
    try {
      const { status, data, headers } = this.dispatch(route.operation, route.pathParams, url.searchParams, body ?? {});
      record(status);
      this.reply(route.operation, res, status, data, headers);
    } catch (error) {
      if (!(error instanceof HttpError)) {
        this.violations.push(`fake crashed on ${method} ${url.pathname}: ${(error as Error).stack ?? String(error)}`);
        record(500);
        return send(500, { message: String(error) });
      }
      record(error.status);
      const data =
        error.status === 422
          ? { message: error.message, documentation_url: "https://docs.github.com/rest" }
          : { message: error.message, documentation_url: "https://docs.github.com/rest" };
      this.reply(route.operation, res, error.status, data);
    }
  }

  private reply(operation: Operation, res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    const issues = this.api.validateResponse(operation, status, data);
    if (issues.length > 0) this.violations.push(...issues.map((i) => `fake answered off-spec: ${i}`));
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(data === undefined ? "" : JSON.stringify(data));
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace(/\.000Z$/, "Z");
  }

  private get repoUrl(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  private get htmlRepoUrl(): string {
    return `https://github.com/${this.owner}/${this.repo}`;
  }

  // ---- git objects --------------------------------------------------------------------------

  private putBlob(content: Buffer): string {
    const sha = gitSha("blob", content);
    this.blobs.set(sha, content);
    return sha;
  }

  private putTree(items: Map<string, TreeItem>): string {
    const sorted = [...items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sha = gitSha("tree", Buffer.from(sorted.map(([name, i]) => `${i.mode} ${name}\0${i.sha}`).join("")));
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  /** git's create-tree: entries with slash paths update nested trees of `base`, keeping the rest. */
  private buildTree(base: string | null, entries: Array<{ path: string; sha: string }>): string {
    const root = new Map(base ? (this.trees.get(base) ?? []) : []);
    const groups = new Map<string, Array<{ path: string; sha: string }>>();
    for (const entry of entries) {
      const [head, ...rest] = entry.path.split("/");
      if (!head) throw new HttpError(422, `invalid tree path "${entry.path}"`);
      if (rest.length === 0) {
        if (!this.blobs.has(entry.sha)) throw new HttpError(422, `GitRPC::BadObjectState: blob ${entry.sha} not found`);
        root.set(head, { mode: "100644", type: "blob", sha: entry.sha });
      } else groups.set(head, [...(groups.get(head) ?? []), { path: rest.join("/"), sha: entry.sha }]);
    }
    for (const [dir, children] of groups) {
      const existing = root.get(dir);
      root.set(dir, { mode: "040000", type: "tree", sha: this.buildTree(existing?.type === "tree" ? existing.sha : null, children) });
    }
    return this.putTree(root);
  }

  private putCommit(tree: string, parents: string[], message: string): string {
    const date = this.tick();
    const sha = gitSha("commit", Buffer.from(`tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join("")}\n${message}\n${date}`));
    this.gitCommits.set(sha, { sha, tree, parents, message, date });
    return sha;
  }

  private isAncestor(ancestor: string, of: string): boolean {
    const seen = new Set<string>();
    const stack = [of];
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      stack.push(...(this.gitCommits.get(sha)?.parents ?? []));
    }
    return false;
  }

  // ---- response bodies, starting from GitHub's own documented examples ----------------------

  private example(operationId: string, status: number): Json {
    const operation = this.api.operations.find((o) => o.operationId === operationId);
    if (!operation) throw new Error(`unknown operation ${operationId}`);
    return this.api.example(operation, status);
  }

  private refBody(ref: string, sha: string): Json {
    return {
      ref,
      node_id: Buffer.from(ref).toString("base64"),
      url: `${this.repoUrl}/git/${ref}`,
      object: { type: "commit", sha, url: `${this.repoUrl}/git/commits/${sha}` },
    };
  }

  private treeBody(sha: string): Json {
    const items = this.trees.get(sha) ?? new Map<string, TreeItem>();
    return {
      sha,
      url: `${this.repoUrl}/git/trees/${sha}`,
      truncated: false,
      tree: [...items.entries()].map(([path, item]) => ({
        path,
        mode: item.mode,
        type: item.type,
        sha: item.sha,
        url: `${this.repoUrl}/git/${item.type}s/${item.sha}`,
        ...(item.type === "blob" ? { size: this.blobs.get(item.sha)?.length ?? 0 } : {}),
      })),
    };
  }

  private gitCommitBody(commit: GitCommit): Json {
    const person = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com", date: commit.date };
    return {
      sha: commit.sha,
      node_id: Buffer.from(commit.sha).toString("base64"),
      url: `${this.repoUrl}/git/commits/${commit.sha}`,
      html_url: `${this.htmlRepoUrl}/commit/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: commit.tree, url: `${this.repoUrl}/git/trees/${commit.tree}` },
      parents: commit.parents.map((p) => ({
        sha: p,
        url: `${this.repoUrl}/git/commits/${p}`,
        html_url: `${this.htmlRepoUrl}/commit/${p}`,
      })),
      verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
    };
  }

  private repoCommitBody(commit: RepoCommit): Json {
    const body = this.example("repos/get-commit", 200);
    const inner = body.commit as Json;
    body.sha = commit.sha;
    body.node_id = Buffer.from(commit.sha).toString("base64");
    body.url = `${this.repoUrl}/commits/${commit.sha}`;
    body.html_url = `${this.htmlRepoUrl}/commit/${commit.sha}`;
    body.parents = commit.parents.map((p) => ({
      sha: p,
      url: `${this.repoUrl}/commits/${p}`,
      html_url: `${this.htmlRepoUrl}/commit/${p}`,
    }));
    inner.message = commit.message;
    (inner.author as Json).date = commit.date;
    (inner.committer as Json).date = commit.date;
    // GitHub's own example lists files without fields its schema requires; we list none.
    body.files = [];
    return body;
  }

  private commentBody(comment: Comment): Json {
    const body = this.example("issues/create-comment", 201);
    body.id = comment.id;
    body.node_id = Buffer.from(`IC_${comment.id}`).toString("base64");
    body.body = comment.body;
    body.url = `${this.repoUrl}/issues/comments/${comment.id}`;
    body.html_url = `${this.htmlRepoUrl}/pull/${comment.issue}#issuecomment-${comment.id}`;
    body.issue_url = `${this.repoUrl}/issues/${comment.issue}`;
    body.created_at = comment.createdAt;
    body.updated_at = comment.updatedAt;
    body.author_association = comment.author.association;
    const user = { ...(body.user as Json) };
    user.login = comment.author.login;
    user.type = comment.author.type;
    body.user = user;
    return body;
  }

  private pullBody(pull: Pull): Json {
    const body = this.example("pulls/get", 200);
    body.number = pull.number;
    body.url = `${this.repoUrl}/pulls/${pull.number}`;
    (body.head as Json).sha = pull.headSha;
    ((body.head as Json).repo as Json).full_name = pull.headRepo;
    (body.base as Json).sha = pull.baseSha;
    ((body.base as Json).repo as Json).full_name = pull.baseRepo;
    // GitHub's own example lists teams without a field its schema requires.
    body.requested_teams = [];
    return body;
  }

  /** Commits reachable from `sha`, newest first, as `git log` orders them. */
  private log(sha: string): RepoCommit[] {
    const out: RepoCommit[] = [];
    const seen = new Set<string>();
    const frontier: RepoCommit[] = [];
    const push = (s: string) => {
      const c = this.repoCommits.get(s);
      if (c && !seen.has(s)) {
        seen.add(s);
        frontier.push(c);
      }
    };
    push(sha);
    while (frontier.length > 0) {
      frontier.sort((a, b) => b.date.localeCompare(a.date));
      const next = frontier.shift() as RepoCommit;
      out.push(next);
      next.parents.forEach(push);
    }
    return out;
  }

  private page<T>(items: T[], query: URLSearchParams, path: string): { slice: T[]; headers: Record<string, string> } {
    const perPage = Number(query.get("per_page") ?? "30");
    const page = Number(query.get("page") ?? "1");
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(query);
      q.set("page", String(p));
      q.set("per_page", String(perPage));
      return `<${this.url}${path}?${q.toString()}>; rel="${rel}"`;
    };
    const links = [];
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
    return { slice, headers: links.length > 0 ? { link: links.join(", ") } : {} };
  }

  // ---- operations ---------------------------------------------------------------------------

  private dispatch(
    operation: Operation,
    params: Record<string, string>,
    query: URLSearchParams,
    body: Json,
  ): { status: number; data: unknown; headers?: Record<string, string> } {
    const notFound = () => new HttpError(404, "Not Found");
    switch (operation.operationId) {
      case "git/get-ref": {
        const ref = `refs/${params.ref}`;
        const sha = this.refs.get(ref);
        if (!sha) throw notFound();
        return { status: 200, data: this.refBody(ref, sha) };
      }
      case "git/create-ref": {
        const ref = String(body.ref);
        const sha = String(body.sha);
        if (!/^refs\/.+\/.+/.test(ref)) throw new HttpError(422, "Reference name must start with 'refs/' and have at least two slashes");
        if (!this.gitCommits.has(sha)) throw new HttpError(422, "Object does not exist");
        if (this.refs.has(ref)) throw new HttpError(422, "Reference already exists");
        this.refs.set(ref, sha);
        return { status: 201, data: this.refBody(ref, sha) };
      }
      case "git/update-ref": {
        const ref = `refs/${params.ref}`;
        this.options.beforeRefUpdate?.(this, ref, ++this.refUpdates);
        const current = this.refs.get(ref);
        const sha = String(body.sha);
        if (!current) throw new HttpError(422, "Reference does not exist");
        if (!this.gitCommits.has(sha)) throw new HttpError(422, "Object does not exist");
        if (body.force !== true && !this.isAncestor(current, sha)) throw new HttpError(422, "Update is not a fast forward");
        this.refs.set(ref, sha);
        return { status: 200, data: this.refBody(ref, sha) };
      }
      case "git/create-blob": {
        const encoding = body.encoding ?? "utf-8";
        if (encoding !== "utf-8" && encoding !== "base64") throw new HttpError(422, `encoding ${String(encoding)} not supported`);
        const sha = this.putBlob(Buffer.from(String(body.content), encoding === "base64" ? "base64" : "utf8"));
        return { status: 201, data: { sha, url: `${this.repoUrl}/git/blobs/${sha}` } };
      }
      case "git/get-blob": {
        const content = this.blobs.get(params.file_sha ?? "");
        if (!content) throw notFound();
        const sha = params.file_sha as string;
        return {
          status: 200,
          data: {
            sha,
            node_id: Buffer.from(sha).toString("base64"),
            size: content.length,
            url: `${this.repoUrl}/git/blobs/${sha}`,
            content: content.toString("base64"),
            encoding: "base64",
          },
        };
      }
      case "git/create-tree": {
        const baseTree = typeof body.base_tree === "string" ? body.base_tree : null;
        if (baseTree && !this.trees.has(baseTree)) throw new HttpError(422, "base_tree is not a valid tree");
        const entries = (body.tree as Json[]).map((e) => {
          if (e.type !== "blob" || e.mode !== "100644" || typeof e.sha !== "string")
            throw new HttpError(422, "this fake only takes blob entries by sha");
          return { path: String(e.path), sha: e.sha };
        });
        return { status: 201, data: this.treeBody(this.buildTree(baseTree, entries)) };
      }
      case "git/get-tree": {
        if (query.has("recursive")) throw new HttpError(422, "this fake does not list trees recursively");
        if (!this.trees.has(params.tree_sha ?? "")) throw notFound();
        return { status: 200, data: this.treeBody(params.tree_sha as string) };
      }
      case "git/create-commit": {
        const tree = String(body.tree);
        const parents = (body.parents as string[] | undefined) ?? [];
        if (!this.trees.has(tree)) throw new HttpError(422, "Tree SHA does not exist");
        if (parents.some((p) => !this.gitCommits.has(p))) throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
        const sha = this.putCommit(tree, parents, String(body.message));
        return { status: 201, data: this.gitCommitBody(this.gitCommits.get(sha) as GitCommit) };
      }
      case "git/get-commit": {
        const commit = this.gitCommits.get(params.commit_sha ?? "");
        if (!commit) throw notFound();
        return { status: 200, data: this.gitCommitBody(commit) };
      }
      case "repos/get-commit": {
        const commit = this.repoCommits.get(params.ref ?? "");
        if (!commit) throw new HttpError(422, `No commit found for SHA: ${params.ref}`);
        return { status: 200, data: this.repoCommitBody(commit) };
      }
      case "repos/list-commits": {
        const start = query.get("sha");
        if (!start || !this.repoCommits.has(start)) throw notFound();
        const { slice, headers } = this.page(this.log(start), query, `/repos/${this.owner}/${this.repo}/commits`);
        return { status: 200, data: slice.map((c) => this.repoCommitBody(c)), headers };
      }
      case "issues/list-comments": {
        const issue = Number(params.issue_number);
        const all = this.comments.filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
        const { slice, headers } = this.page(all, query, `/repos/${this.owner}/${this.repo}/issues/${issue}/comments`);
        return { status: 200, data: slice.map((c) => this.commentBody(c)), headers };
      }
      case "issues/create-comment": {
        const issue = Number(params.issue_number);
        if (!this.pulls.has(issue)) throw notFound();
        if (String(body.body).length > 65_536) throw new HttpError(422, "body is too long (maximum is 65536 characters)");
        return { status: 201, data: this.commentBody(this.addComment(issue, String(body.body))) };
      }
      case "issues/update-comment": {
        const comment = this.comments.find((c) => c.id === Number(params.comment_id));
        if (!comment) throw new HttpError(422, "comment not found");
        if (String(body.body).length > 65_536) throw new HttpError(422, "body is too long (maximum is 65536 characters)");
        comment.body = String(body.body);
        comment.updatedAt = this.tick();
        return { status: 200, data: this.commentBody(comment) };
      }
      case "issues/delete-comment": {
        const i = this.comments.findIndex((c) => c.id === Number(params.comment_id));
        if (i >= 0) this.comments.splice(i, 1);
        return { status: 204, data: undefined };
      }
      case "pulls/get": {
        const pull = this.pulls.get(Number(params.pull_number));
        if (!pull) throw notFound();
        return { status: 200, data: this.pullBody(pull) };
      }
      default:
        throw new Error(`the fake does not implement ${operation.operationId}`);
    }
  }
}
