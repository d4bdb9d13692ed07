// CLI entry: `tsx packages/harness/src/cli/cli.ts …` (the root `pnpm bench` script) or the `kmb` bin.
import { main } from "./main.js";

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`kmb: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
