// Cell ids, backend names, paths and config values end up in a PR comment: they must render as the
// characters they hold and nothing more. No links, images, HTML, tables cut open, headings, math,
// or notifications to a user or team.

/** Punctuation that starts inline markdown anywhere in a line (GFM, plus GitHub's `$` math). */
const INLINE = /[\\`*_[\]|~!$]/g;

/**
 * Escapes text for use inside a markdown line or table cell on GitHub:
 * - `&`, `<`, `>`, `"` become HTML entities (no tags, no smuggled entities);
 * - inline markdown punctuation gets a backslash, `|` included so tables stay intact;
 * - line breaks and other control characters become spaces (no new blocks);
 * - a leading `#`, `-`, `+`, `=` or `1.` is escaped so it cannot start a heading or list;
 * - `@name`, `#123` (also `owner/repo#123`, `GH-123`) and bare URLs get a zero-width space so GitHub neither
 *   notifies, cross-references an issue, nor links.
 * Letters, digits, `/`, `-` and `.` inside the text stay as they are, so a cell id such as
 * `lstm/tf-data/b32/wasm` still reads (and searches) as itself.
 */
export function escapeMarkdown(text: string): string {
  let out = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(INLINE, (c) => `\\${c}`)
    // Before any `&#8203;` is inserted: that entity's own `#8203` must not be split.
    .replace(/#(?=\d)/g, "#&#8203;")
    .replace(/\b(GH)-(?=\d)/gi, "$1-&#8203;")
    .replace(/@(?=[A-Za-z0-9])/g, "@&#8203;")
    .replace(/(\b[A-Za-z][A-Za-z0-9+.-]*):\/\//g, "$1:&#8203;//")
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#8203;.`);
  out = out.replace(/^(\s*)([#+=-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
  return out;
}
