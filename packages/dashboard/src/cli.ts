// `pnpm dashboard`: the only place that prints, exits or catches.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ThresholdsError } from "@keras-mem-bench/report";
import { ResultsFileError } from "@keras-mem-bench/results";
import { buildDashboard } from "./build-dashboard.js";
import { parseDashboardArgs, USAGE } from "./dashboard-args.js";
import { DashboardError } from "./dashboard-error.js";
import { openInBrowser } from "./open-in-browser.js";

async function main(argv: readonly string[]): Promise<number> {
  const args = parseDashboardArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const result = await buildDashboard({ history: args.history, results: args.results, out: args.out, title: args.title, thresholds: args.thresholds });
  const kb = Math.round(result.bytes / 1024);
  console.log(
    `dashboard: ${result.commits} runs × ${result.cells} cells, ${result.markers} regression markers → ${result.indexHtml} (${kb} KiB) in ${(result.timings.totalMs / 1000).toFixed(2)} s`,
  );
  if (args.open) {
    const url = pathToFileURL(resolve(result.indexHtml)).href;
    if (!(await openInBrowser(url))) console.log(`could not start a browser; open ${url}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof DashboardError || error instanceof ResultsFileError || error instanceof ThresholdsError) console.error(`dashboard: ${error.message}`);
    else console.error(error);
    process.exitCode = error instanceof DashboardError && error.code === "KMB_DASHBOARD_ARGS" ? 2 : 1;
  },
);
