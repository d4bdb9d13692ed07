// Cell names come from users' suite configs and results files: the comment must show them as text.
import { describe, expect, it } from "vitest";
import { compare, escapeMarkdown, renderMarkdown } from "../src/index.js";
import { cell, key, run } from "./_fixtures.js";

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "a|b|c",
  "**bold** _it_ `code`",
  "[click](https://evil.example/x)",
  "line\nbreak\r\n## heading",
  "@octocat and @org/team",
  "![img](x.png)",
  "<!-- hidden -->",
  "$x^2$ ~~gone~~ &amp;",
  "<details open>",
  "fixes #123",
  "octo/bench#42 and GH#7",
];

describe("escapeMarkdown", () => {
  it.each(HOSTILE)("leaves no markup in %j", (name) => {
    const out = escapeMarkdown(name);
    expect(out).not.toMatch(/[<>\n\r]/);
    expect(out).not.toMatch(/(^|[^\\])[|*_`[\]$~]/);
    expect(out).not.toMatch(/@[A-Za-z]/);
    expect(out).not.toMatch(/(^|[^&])#\d/);
    expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#8203;)/);
  });

  it("keeps plain cell ids readable as themselves", () => {
    expect(escapeMarkdown("lstm/tf-data/b32/wasm")).toBe("lstm/tf-data/b32/wasm");
    expect(escapeMarkdown("depthwise-conv/file-stream/b256/tensorflow/growth-on")).toBe(
      "depthwise-conv/file-stream/b256/tensorflow/growth-on",
    );
  });

  it("breaks mentions and bare links with a zero-width space, escapes block starts", () => {
    expect(escapeMarkdown("@octocat")).toBe("@&#8203;octocat");
    expect(escapeMarkdown("@org/team")).toBe("@&#8203;org/team");
    expect(escapeMarkdown("see octo/bench#123")).toBe("see octo/bench#&#8203;123");
    expect(escapeMarkdown("#123 first")).toBe("\\#&#8203;123 first");
    expect(escapeMarkdown("see GH-7 and gh-8, not GH-x")).toBe("see GH-&#8203;7 and gh-&#8203;8, not GH-x");
    expect(escapeMarkdown("@a #1 https://x")).toBe("@&#8203;a #&#8203;1 https:&#8203;//x");
    expect(escapeMarkdown("see https://x.example")).toBe("see https:&#8203;//x.example");
    expect(escapeMarkdown("# title")).toBe("\\# title");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
  });
});

describe("renderMarkdown with hostile names", () => {
  const names = HOSTILE.map((h, i) => key(h, `s${i}`));
  // Every hostile cell regresses, so each gets a section, a table row and reasons.
  const base = run(
    names.map((k, i) => cell(k, { seed: i + 1 })),
    "a".repeat(40),
  );
  const head = run(
    names.map((k, i) => cell(k, { seed: i + 50, tensorsPerEpoch: 1 })),
    "b".repeat(40),
  );
  head.env = {
    ...head.env,
    cpu: { model: "<script>alert(1)</script> | @admin", count: 2 },
    tfjs: { "@tensorflow/tfjs-core": "4.22.0\n# owned" },
  };
  const md = renderMarkdown(compare(base, head), { title: "perf <b>|</b> @team", baseLabel: "[x](y)", headLabel: "`z`" });

  it("contains no HTML from names, only the renderer's own tags", () => {
    const tags = [...md.matchAll(/<\/?([a-z]+)/gi)].map((m) => m[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(["details", "summary", "sub"]));
    expect(md).not.toContain("<!-- hidden");
  });

  it("keeps every table row at the header's column count", () => {
    for (const table of md.split("\n\n").filter((block) => block.startsWith("|"))) {
      const rows = table.split("\n");
      const columns = (row: string) => row.replace(/\\\|/g, "").split("|").length;
      for (const row of rows) expect(columns(row), row).toBe(columns(rows[0]!));
    }
  });

  it("mentions nobody, references no issue, links nowhere and starts no heading from a name", () => {
    expect(md).not.toMatch(/(^|[^;])@[A-Za-z]/m);
    expect(md).toContain("octo/bench#&#8203;42");
    expect(md).not.toMatch(/(^|[^&])#\d/m);
    expect(md).not.toMatch(/(^|[^\\])\]\(/m);
    const headings = md.split("\n").filter((l) => l.startsWith("#"));
    expect(headings).toEqual(["### perf &lt;b&gt;\\|&lt;/b&gt; @&#8203;team", "#### Worse (12)"]);
  });
});
