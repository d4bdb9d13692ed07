// `pnpm dashboard <argv>` as a function of its arguments and where it writes; returns the exit code. Bad input
// (flags, a results, thresholds or history file, nothing to draw) is printed as its message and ends with the
// one rule's code (packages/results/src/exit-code.ts); anything else is a bug and propagates to the entry.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { exitCodeFor, isBadInput, processIo, type CommandIo } from "@keras-mem-bench/results";
import { buildDashboard } from "./build-dashboard.js";
import { parseDashboardArgs, USAGE } from "./dashboard-args.js";
import { openInBrowser } from "./open-in-browser.js";

export async function dashboardCommand(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  try {
    return await build(argv, io);
  } catch (error) {
    if (!isBadInput(error)) throw error;
    io.stderr(`dashboard: ${(error as Error).message}\n`);
    return exitCodeFor(error);
  }
}

async function build(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseDashboardArgs(argv);
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const result = await buildDashboard({
    history: args.history,
    results: args.results,
    out: args.out,
    title: args.title,
    thresholds: args.thresholds,
  });
  const kb = Math.round(result.bytes / 1024);
  io.stdout(
    `dashboard: ${result.commits} runs × ${result.cells} cells, ${result.markers} regression markers → ${result.indexHtml} (${kb} KiB) in ${(result.timings.totalMs / 1000).toFixed(2)} s\n`,
  );
  if (args.open) {
    const url = pathToFileURL(resolve(result.indexHtml)).href;
    if (!(await openInBrowser(url))) io.stdout(`could not start a browser; open ${url}\n`);
  }
  return 0;
}
