import { describe, expect, it } from "vitest";
import { compare, renderTerminal } from "../src/index.js";
import { cell, key, run } from "./_fixtures.js";

describe("renderTerminal", () => {
  const base = run([cell(key("dense")), cell(key("lstm-with-a-long-name", "file-stream", 1024))]);
  const head = run([
    cell(key("dense"), { seed: 9, tensorsPerEpoch: 1 }),
    cell(key("lstm-with-a-long-name", "file-stream", 1024), { seed: 7 }),
  ]);
  const comparison = compare(base, head);

  it("aligns columns, with units in every number", () => {
    const out = renderTerminal(comparison);
    const lines = out.split("\n");
    expect(lines[0]).toBe("❌ 1 regression, 1 unchanged");
    const header = lines[2]!;
    const rows = lines.slice(3, 5);
    // Right-aligned columns end at the same place on every line.
    for (const row of rows) expect(row.length).toBe(header.length);
    expect(rows[0]).toMatch(/^dense\/tf-data\/b32\/wasm\s+regression\s+[\d.]+ MiB [−+±][\d.]+%/);
    expect(rows[0]).toMatch(/1\.00 tensors\/epoch ✗/);
    expect(rows[1]).toMatch(/\d+ ms [−+±][\d.]+%\s+\d+ ms [−+±][\d.]+%\s+[\d,]+ samples\/s/);
    expect(out).toMatch(/\n {2}- tensorsPerEpoch: \+1\.00 tensors\/epoch \(0\.00 → 1\.00\)/);
    expect(out).not.toContain("\u001b[");
  });

  it("colours only when asked, and never passes a name's control characters through", () => {
    expect(renderTerminal(comparison, { color: true })).toContain("\u001b[31m");
    const evil = key("x\u001b[2J\u001b]0;pwned\u0007");
    const out = renderTerminal(compare(run([cell(evil)]), run([cell(evil, { tensorsPerEpoch: 1 })])), { color: false });
    const controls = [...out].filter((c) => c !== "\n" && (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f));
    expect(controls).toEqual([]);
    expect(out).toContain("x?[2J?]0;pwned?");
  });
});
