import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { ParsedRows } from "../src/index.js";

/** A recorded-format nvidia-smi output from test/fixtures (sources in test/fixtures/SOURCES.md). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

export const MIB = 1024 * 1024;

/** The rows a parser reads from a fixture, checking that it read every line of it. */
export function rowsOf<Row>(parse: (text: string) => ParsedRows<Row>, name: string): Row[] {
  const { rows, unparsed } = parse(fixture(name));
  expect(unparsed).toEqual([]);
  return rows;
}

/** A file written by scripts/record-nvidia-smi.sh without its "# " header lines: nvidia-smi's output as printed. */
export function withoutRecordingHeader(text: string): string {
  const lines = text.split("\n");
  let first = 0;
  while (first < lines.length && lines[first]!.startsWith("# ")) first++;
  return lines.slice(first).join("\n");
}
