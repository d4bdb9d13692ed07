// CLI entry: the `kmb` bin (compiled into the keras-mem-bench package, which `pnpm bench` runs) or `tsx packages/harness/src/cli/cli.ts …` from the sources.
// Commands report the errors they expect; what reaches here is a bug, printed with its stack.
import { EXIT_FAILED } from "@keras-mem-bench/results";
import { main } from "./main.js";

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`kmb: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = EXIT_FAILED;
}
