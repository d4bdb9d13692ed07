// Command line → typed options. Pure; errors name the flag.
import { DashboardError } from "./dashboard-error.js";

export interface DashboardArgs {
  history: string | null;
  results: string[];
  out: string;
  title: string | null;
  thresholds: string | null;
  open: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm dashboard [--history DIR] [--results FILE...] [--out DIR] [--title TEXT] [--thresholds FILE] [--open]

Builds a static dashboard (no network needed to view it) from stored history and/or results files.

  --history DIR      a checkout of the history branch: DIR/index.json + DIR/runs/<sha>.json
  --results FILE...  results files to add (a run on a commit already in the history replaces it)
  --out DIR          where to write the site (default: site)
  --title TEXT       page title (default: keras-mem-bench)
  --thresholds FILE  regression thresholds (JSON, as the Action's thresholds input) for the markers
  --open             open the built page in the default browser
  --help             this text`;

const WITH_VALUE = new Set(["--history", "--out", "--title", "--thresholds"]);

export function parseDashboardArgs(argv: readonly string[]): DashboardArgs {
  const args: DashboardArgs = { history: null, results: [], out: "site", title: null, thresholds: null, open: false, help: false };
  let resultsOpen = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    if (raw === "--") continue; // pnpm passes it through when users write `pnpm dashboard -- --open`
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : null;
    if (!flag.startsWith("-")) {
      // Bare words after --results are more results files: `--results a.json b.json`.
      if (resultsOpen) {
        args.results.push(raw);
        continue;
      }
      throw new DashboardError("KMB_DASHBOARD_ARGS", `unexpected argument "${raw}" (results files go after --results)\n\n${USAGE}`);
    }
    resultsOpen = false;
    if (WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "" || (inline === null && value.startsWith("--"))) {
        throw new DashboardError("KMB_DASHBOARD_ARGS", `${flag} needs a value`);
      }
      if (flag === "--history") args.history = value;
      else if (flag === "--out") args.out = value;
      else if (flag === "--thresholds") args.thresholds = value;
      else args.title = value;
    } else if (flag === "--results") {
      if (inline !== null) args.results.push(inline);
      resultsOpen = true;
    } else if (flag === "--open" && inline === null) {
      args.open = true;
    } else if ((flag === "--help" || flag === "-h") && inline === null) {
      args.help = true;
    } else {
      throw new DashboardError("KMB_DASHBOARD_ARGS", `unknown option "${raw}"\n\n${USAGE}`);
    }
  }
  if (!args.help && args.history === null && args.results.length === 0) {
    throw new DashboardError("KMB_DASHBOARD_ARGS", `give --history DIR, --results FILE..., or both\n\n${USAGE}`);
  }
  return args;
}
