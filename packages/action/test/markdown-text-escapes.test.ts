import { describe, expect, test } from "vitest";
import { commitLink, escapeMarkdown } from "../src/markdown-text.js";

describe("text the action adds around the report", () => {
  test("HTML and markdown in names and paths render as plain characters", () => {
    expect(escapeMarkdown('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror="alert\\(1\\)"&gt;');
    expect(escapeMarkdown("[click](https://evil.example)")).toBe("\\[click\\]\\(https://evil\\.example\\)");
    expect(escapeMarkdown("a|b *c* _d_ `e` ~f~ #g")).toBe("a\\|b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\#g");
    expect(escapeMarkdown("line\n## heading")).toBe("line \\#\\# heading");
    expect(escapeMarkdown("&lt;")).toBe("&amp;lt;");
  });

  test("commit links carry only a checked sha", () => {
    const url = (sha: string) => `https://github.com/octo/bench/commit/${sha}`;
    expect(commitLink("0123456789abcdef0123456789abcdef01234567", url)).toBe(
      "[`0123456`](https://github.com/octo/bench/commit/0123456789abcdef0123456789abcdef01234567)",
    );
    expect(commitLink("](javascript:alert(1))", url)).toBe("\\]\\(javascript:alert\\(1\\)\\)");
  });
});
