// Runs nvidia-smi once. Outcomes are data: a missing binary and a failing call are normal on most machines.
import { execFile } from "node:child_process";

export const DEFAULT_NVIDIA_SMI = "nvidia-smi";
/** nvidia-smi can hang for seconds when the driver is wedged; a sample that slow is worthless anyway. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export type RunOutcome =
  { kind: "ok"; stdout: string } | { kind: "missing"; message: string } | { kind: "failed"; message: string; exitCode: number | null };

export function runNvidiaSmi(command: string, args: readonly string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    execFile(command, [...args], { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) {
        resolve({ kind: "ok", stdout });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EACCES") {
        resolve({ kind: "missing", message: `${command}: ${code === "ENOENT" ? "not found on PATH" : "not executable"}` });
        return;
      }
      const exitCode = typeof error.code === "number" ? error.code : null;
      // nvidia-smi prints its own errors on stdout ("No devices were found", "Failed to initialize NVML: ...").
      const said = firstLine(stderr) ?? firstLine(stdout);
      const why = error.killed ? `timed out after ${timeoutMs} ms` : `exit ${exitCode ?? error.signal ?? "?"}`;
      resolve({ kind: "failed", message: `${command} ${args[0] ?? ""}: ${why}${said !== null ? `: ${said}` : ""}`, exitCode });
    });
  });
}

function firstLine(text: string): string | null {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "");
  return line === undefined ? null : line.trim();
}
