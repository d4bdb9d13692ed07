// The line under a chart that names the commit under the cursor and links to it.
import type { CommitInfo } from "../src/model-types.js";
import { h, shortDate } from "./dom.js";

export function commitLink(commit: CommitInfo): HTMLElement {
  const text = commit.label;
  const title = `${commit.sha ?? commit.source}${commit.message ? ` — ${commit.message}` : ""}`;
  return commit.url
    ? h("a", { class: "sha", href: commit.url, title, target: "_blank", rel: "noopener" }, text)
    : h("span", { class: "sha", title }, text);
}

export function commitCaption(commits: readonly CommitInfo[]): { el: HTMLElement; show(index: number | null): void } {
  const el = h("p", { class: "caption", "aria-live": "off" });
  const newest = commits.length - 1;
  const show = (index: number | null) => {
    const commit = commits[index ?? newest];
    el.replaceChildren();
    if (!commit) return;
    el.append(
      commitLink(commit),
      h("span", { class: "muted" }, ` ${shortDate(commit.committedAt)} `),
      commit.message ? h("span", { class: "message" }, commit.message) : "",
    );
  };
  show(null);
  return { el, show };
}
