import { readFile } from "node:fs/promises";

/** Current RSS of another process from /proc/<pid>/status (Linux); null where /proc is not available. */
export async function readProcessRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
