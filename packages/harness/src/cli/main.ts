// `kmb` command dispatcher: run (the default), compare, merge, advise, claims, heatmap and init.
import { EXIT_BAD_INPUT, processIo, type CommandIo } from "@keras-mem-bench/results";
import { adviseCommand } from "./command-advise.js";
import { RUN_USAGE } from "./cli-options.js";
import { claimsCommand } from "./command-claims.js";
import { compareCommand } from "./command-compare.js";
import { heatmapCommand } from "./command-heatmap.js";
import { initCommand } from "./command-init.js";
import { mergeCommand } from "./command-merge.js";
import { runCommand } from "./command-run.js";

/** Runs `kmb <argv>` and returns the exit code (the rule: packages/results/src/exit-code.ts). */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "compare") return compareCommand(rest, io);
  if (first === "merge") return mergeCommand(rest, io);
  if (first === "advise") return adviseCommand(rest, io);
  if (first === "claims") return claimsCommand(rest, io);
  if (first === "heatmap") return heatmapCommand(rest, io);
  if (first === "init") return initCommand(rest, io);
  if (first === "help") {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if (first === "run") return runCommand(rest, io);
  if (first !== undefined && !first.startsWith("-")) {
    io.stderr(`kmb: unknown command "${first}" (commands: run, compare, merge, advise, claims, heatmap, init; run \`kmb --help\`)\n`);
    return EXIT_BAD_INPUT;
  }
  return runCommand(argv, io);
}
