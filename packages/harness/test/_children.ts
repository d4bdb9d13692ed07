// Child processes of this process (Linux /proc), to check that a run leaves none behind.
import { readFileSync } from "node:fs";

export function childPids(): number[] {
  const text = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8");
  return text
    .split(/\s+/)
    .filter((p) => p !== "")
    .map(Number);
}
