import { describe, expect, test } from "vitest";
import { commitLink } from "../src/markdown-text.js";

describe("links the action adds around the report", () => {
  const url = (sha: string) => `https://github.com/octo/bench/commit/${sha}`;

  test("a commit link shows the short sha and points at the commit", () => {
    expect(commitLink("0123456789abcdef0123456789abcdef01234567", url)).toBe(
      "[`0123456`](https://github.com/octo/bench/commit/0123456789abcdef0123456789abcdef01234567)",
    );
  });

  test("anything that is not a sha becomes escaped text, never a link", () => {
    const text = commitLink("](javascript:alert(1)) <img src=x>", url);
    expect(text).not.toMatch(/(?<!\\)\]\(/); // an unescaped "](" would start a link
    expect(text).not.toContain("<img");
    expect(text).toContain("&lt;img");
  });
});
