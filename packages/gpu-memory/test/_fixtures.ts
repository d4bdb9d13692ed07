import { readFileSync } from "node:fs";

/** A recorded-format nvidia-smi output from test/fixtures (sources in test/fixtures/SOURCES.md). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

export const MIB = 1024 * 1024;
