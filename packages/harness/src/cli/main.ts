// `kmb` command dispatcher: run (the default), compare, merge, advise, claims, heatmap and init.
import { adviseCommand } from "./command-advise.js";
import { RUN_USAGE } from "./cli-options.js";
import { claimsCommand } from "./command-claims.js";
import { compareCommand } from "./command-compare.js";
import { heatmapCommand } from "./command-heatmap.js";
import { initCommand } from "./command-init.js";
import { mergeCommand } from "./command-merge.js";
import { runCommand } from "./command-run.js";

/** Runs `kmb <argv>` and returns the exit code. Only this and the CLI entry decide exit codes. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "compare") return compareCommand(rest);
  if (first === "merge") return mergeCommand(rest);
  if (first === "advise") return adviseCommand(rest);
  if (first === "claims") return claimsCommand(rest);
  if (first === "heatmap") return heatmapCommand(rest);
  if (first === "init") return initCommand(rest);
  if (first === "help") {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  if (first === "run") return runCommand(rest);
  if (first !== undefined && !first.startsWith("-")) {
    process.stderr.write(`kmb: unknown command "${first}" (commands: run, compare, merge, advise, claims, heatmap, init; run \`kmb --help\`)\n`);
    return 2;
  }
  return runCommand(argv);
}
