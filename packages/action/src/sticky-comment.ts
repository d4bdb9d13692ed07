// One comment per pull request, found again by a hidden marker on its first line and edited in
// place on every push, so the thread shows the latest numbers instead of a pile of old ones.
import type { GitHubApi, IssueComment } from "./github-api.js";

export const COMMENT_MARKER = "<!-- keras-mem-bench:sticky-comment -->";

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_CHARS = 65_536;

export type CommentOutcome =
  { action: "created" | "updated" | "unchanged"; id: number; url: string } | { action: "skipped"; reason: string };

const TRUSTED_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

/** A comment the action may have written: a bot (github.token, an app) or a maintainer's token. */
function trustedAuthor(comment: IssueComment): boolean {
  // Anyone can type the marker; editing or deleting their comment would fail (403) or destroy it.
  return comment.authorType === "Bot" || TRUSTED_ASSOCIATIONS.has(comment.authorAssociation);
}

function ours(comments: IssueComment[]): IssueComment[] {
  // Only a body that *starts* with the marker: a reply quoting our comment starts with "> ".
  return comments.filter((c) => c.body.startsWith(COMMENT_MARKER) && trustedAuthor(c)).sort((a, b) => a.id - b.id);
}

/** Puts the marker first and keeps the body under GitHub's limit, pointing at the job summary when cut. */
export function commentBody(markdown: string, limit = MAX_COMMENT_CHARS): string {
  const body = `${COMMENT_MARKER}\n${markdown}`;
  if (body.length <= limit) return body;
  const note = "\n\n_The report is too long for a comment and was cut here; the job summary has all of it._\n";
  const cut = body.lastIndexOf("\n", limit - note.length);
  return body.slice(0, cut > COMMENT_MARKER.length ? cut : limit - note.length) + note;
}

/**
 * Updates our comment, or creates it when `create` allows. Two runs racing on the same PR can both
 * create one; the later one notices, moves its text into the older comment and deletes its own.
 */
export async function upsertStickyComment(api: GitHubApi, issueNumber: number, markdown: string, create: boolean): Promise<CommentOutcome> {
  const body = commentBody(markdown);
  const existing = ours(await api.listIssueComments(issueNumber))[0];
  if (existing) {
    if (existing.body === body) return { action: "unchanged", id: existing.id, url: existing.htmlUrl };
    await api.updateIssueComment(existing.id, body);
    return { action: "updated", id: existing.id, url: existing.htmlUrl };
  }
  if (!create) return { action: "skipped", reason: "no regression and no earlier comment to update (comment: on-regression)" };
  const created = await api.createIssueComment(issueNumber, body);
  const oldest = ours(await api.listIssueComments(issueNumber))[0];
  if (oldest && oldest.id !== created.id) {
    await api.updateIssueComment(oldest.id, body);
    await api.deleteIssueComment(created.id);
    return { action: "updated", id: oldest.id, url: oldest.htmlUrl };
  }
  return { action: "created", id: created.id, url: created.htmlUrl };
}
