// Text the action writes around the report (baseline notes) can carry branch names, paths and
// reasons from config. Escaped so it renders as the characters it holds and nothing more.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ")
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** A link to a commit by its short sha; the sha is checked so nothing but hex reaches the markdown. */
export function commitLink(sha: string, commitUrl: (sha: string) => string): string {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return escapeMarkdown(sha);
  return `[\`${sha.slice(0, 7)}\`](${commitUrl(sha)})`;
}
