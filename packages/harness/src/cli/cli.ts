// CLI entry: the `kmb` bin (compiled into the keras-mem-bench package, which `pnpm bench` runs) or `tsx packages/harness/src/cli/cli.ts …` from the sources.
import { main } from "./main.js";

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`kmb: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
