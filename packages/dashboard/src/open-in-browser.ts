import { spawn } from "node:child_process";

/** Best effort: a machine without a desktop cannot open anything, and the build still succeeded. */
export function openInBrowser(path: string): Promise<boolean> {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [path]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", path]]
        : ["xdg-open", [path]];
  return new Promise((resolve) => {
    const child = spawn(command as string, args as string[], { stdio: "ignore", detached: true });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}
