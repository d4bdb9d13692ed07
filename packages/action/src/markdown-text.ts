// Links the action adds around the report. Text from config or results goes through the report's
// escapeMarkdown; a commit link is built only from a checked sha.
import { escapeMarkdown } from "@keras-mem-bench/report";

/** A link to a commit by its short sha; anything that is not a sha is escaped text instead. */
export function commitLink(sha: string, commitUrl: (sha: string) => string): string {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return escapeMarkdown(sha);
  return `[\`${sha.slice(0, 7)}\`](${commitUrl(sha)})`;
}
