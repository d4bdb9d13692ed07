// The one place thresholds are read from text or a file: `kmb compare --thresholds`, `pnpm dashboard
// --thresholds` and the Action's thresholds input all come through here (the rest of the package is pure).
import { readFile } from "node:fs/promises";
import { ThresholdsError } from "./report-error.js";
import { parseThresholds, type Thresholds } from "./thresholds.js";

/** Thresholds from JSON text; `source` names the file or input in errors. */
export function parseThresholdsText(text: string, source: string): Thresholds {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    throw new ThresholdsError(source, "", `is not JSON: ${detail}`, "not-json", `${source} is not JSON: ${detail}`);
  }
  return parseThresholds(data, source);
}

/** Reads and checks a thresholds file. Every failure is a ThresholdsError whose `problem` says which kind. */
export async function readThresholdsFile(path: string): Promise<Thresholds> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const detail = (error as Error).message;
    throw new ThresholdsError(path, "", `cannot be read: ${detail}`, "unreadable", `cannot read ${path}: ${detail}`);
  }
  return parseThresholdsText(text, path);
}
