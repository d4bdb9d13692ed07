import { describe, expect, it } from "vitest";
import { compare, renderMarkdown, summaryLine } from "../src/index.js";
import { cell, key, pair, run } from "./_fixtures.js";

const keys = ["a", "b", "c", "d", "e"].map((f) => key(f));

function mixed() {
  const base = run(
    keys.map((k, i) => cell(k, { seed: i + 1 })),
    "1234567890abcdef1234567890abcdef12345678",
  );
  const head = run(
    [
      cell(keys[0]!, { seed: 11 }),
      cell(keys[1]!, { seed: 12, tensorsPerEpoch: 1 }),
      cell(keys[2]!, { seed: 13, epochMs: 300 }),
      cell(keys[3]!, { seed: 14, epochMs: 120 }),
      cell(keys[4]!, { seed: 15 }),
      cell(key("f"), { seed: 16 }),
    ],
    "fedcba0987654321fedcba0987654321fedcba09",
  );
  return compare(base, head);
}

describe("renderMarkdown layout", () => {
  it("one summary line with counts by verdict, worse first", () => {
    const comparison = mixed();
    expect(summaryLine(comparison)).toBe("❌ 2 regressions, 1 improvement, 1 new, 2 unchanged");
    const same = pair(keys);
    expect(summaryLine(compare(same.base, same.base))).toBe("✅ 5 unchanged");
  });

  it("puts the marker first, then the title and summary, regressions before improvements", () => {
    const md = renderMarkdown(mixed(), { marker: "sticky", title: "Memory", baseLabel: "1234567", headLabel: "fedcba0" });
    const lines = md.split("\n");
    expect(lines[0]).toBe("<!-- keras-mem-bench:sticky -->");
    expect(lines[1]).toBe("### Memory");
    expect(lines[3]).toMatch(/^❌ 2 regressions/);
    const worse = md.indexOf("#### Worse (2)");
    const better = md.indexOf("#### Better (1)");
    expect(worse).toBeGreaterThan(0);
    expect(better).toBeGreaterThan(worse);
    expect(md.indexOf("**b/tf-data/b32/wasm**")).toBeGreaterThan(worse);
    expect(md.indexOf("**c/tf-data/b32/wasm**")).toBeGreaterThan(worse);
    expect(md.indexOf("**d/tf-data/b32/wasm**")).toBeGreaterThan(better);
    expect(md).toContain("New in head (1): f/tf-data/b32/wasm");
  });

  it("shows each changed cell's memory curve base vs head and its deltas with units", () => {
    const md = renderMarkdown(mixed());
    const section = md.slice(md.indexOf("**b/tf-data/b32/wasm**"), md.indexOf("**c/tf-data/b32/wasm**"));
    expect(section).toMatch(
      /RSS per epoch \(scale [\d.]+ MiB – [\d.]+ MiB\): base `[▁▂▃▄▅▆▇█]{8}` [\d.]+ MiB peak → head `[▁▂▃▄▅▆▇█]{8}` [\d.]+ MiB peak/,
    );
    expect(section).toMatch(/❌ tensors: \\?\+1\.00 tensors\/epoch \(0\.00 → 1\.00\)/);
    const slow = md.slice(md.indexOf("**c/tf-data/b32/wasm**"));
    expect(slow).toMatch(/❌ epoch time: median epoch \+\d\d\.\d% \(200 ms → 300 ms\), Mann-Whitney p = 0\.00\d/);
  });

  it("keeps the full table and both environments in collapsed blocks", () => {
    const md = renderMarkdown(mixed(), { baseLabel: "1234567", headLabel: "fedcba0" });
    const details = [...md.matchAll(/<details><summary>(.*?)<\/summary>\n\n([\s\S]*?)\n\n<\/details>/g)];
    expect(details.map((d) => d[1])).toEqual(["All 6 cells (head value, change against base)", "Environments"]);
    const table = details[0]![2]!.split("\n");
    expect(table).toHaveLength(2 + 6);
    expect(table[0]).toBe(
      "| cell | verdict | peak RSS | step peak | activations | retained | RSS growth | tensors | data ids | epoch time | epoch CPU | throughput |",
    );
    expect(table[2]).toMatch(/^\| b\/tf-data\/b32\/wasm \| ❌ regression \| [\d.]+ MiB \([−+±][\d.]+%\) \|/);
    const env = details[1]![2]!;
    expect(env).toContain("| | base (1234567) | head (fedcba0) |");
    expect(env).toMatch(
      /\| git \| 1234567890abcdef1234567890abcdef12345678 \(refs\/heads\/main\) \| fedcba0987654321fedcba0987654321fedcba09 \(refs\/heads\/main\) ⚠️ \|/,
    );
    expect(env).toMatch(/\| node \| v20\.20\.2 \| v20\.20\.2 \|/);
    expect(env).toMatch(/\| tfjs \| @&#8203;tensorflow\/tfjs-core 4\.22\.0 \|/);
    expect(env).toMatch(/\| cpu \| synthetic × 2 \|/);
    expect(env).toMatch(/\| gpu \| none \| none \|/);
    expect(env).not.toContain("compute device"); // wasm cells only: no row
  });

  it("names the device webgpu cells computed on, and flags a base and head that used different ones", () => {
    const gpuKeys = ["dense", "lstm"].map((f) => key(f, "in-memory", 32, "webgpu"));
    const onDevice = (cells: ReturnType<typeof cell>[], description: string, software: boolean) =>
      run(cells.map((c) => ({ ...c, computeDevice: { description, software } })));
    const base = onDevice(
      gpuKeys.map((k, i) => cell(k, { seed: i + 1 })),
      "mesa software (llvmpipe: Mesa 25.0.7)",
      true,
    );
    const head = onDevice(
      gpuKeys.map((k, i) => cell(k, { seed: i + 11 })),
      "nvidia hopper (NVIDIA H200)",
      false,
    );
    const env = (md: string) => md.slice(md.indexOf("<summary>Environments</summary>"));
    expect(env(renderMarkdown(compare(base, head)))).toContain(
      "| compute device | mesa software (llvmpipe: Mesa 25.0.7) \\[software\\] | nvidia hopper (NVIDIA H200) ⚠️ |",
    );
    expect(env(renderMarkdown(compare(head, head)))).toContain(
      "| compute device | nvidia hopper (NVIDIA H200) | nvidia hopper (NVIDIA H200) |",
    );
  });

  it("accepts a full marker comment and refuses one that could close early", () => {
    const comparison = mixed();
    expect(
      renderMarkdown(comparison, { marker: "<!-- keras-mem-bench:sticky-comment -->" }).startsWith(
        "<!-- keras-mem-bench:sticky-comment -->\n",
      ),
    ).toBe(true);
    expect(() => renderMarkdown(comparison, { marker: "x --> <script>" })).toThrow(/options\.marker/);
  });

  it("lists crashed cells with the reason and appends the caller's footer", () => {
    const base = run([cell(key("a"))]);
    const head = run([
      { ...cell(key("a")), status: "crashed", verdict: null, summary: null, error: { message: "RSS above 4 GiB", code: "KMB_MAX_RSS" } },
    ]);
    const md = renderMarkdown(compare(base, head), { footer: "Baseline: file." });
    expect(md).toMatch(/^❌ 1 crashed$/m);
    expect(md).toContain("**a/tf-data/b32/wasm** 💥 crashed");
    expect(md).toMatch(/now crashes \(base ran; head crashed: RSS above 4 GiB\)/);
    expect(md.trimEnd().endsWith("Baseline: file.")).toBe(true);
  });
});
