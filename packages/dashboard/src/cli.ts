// `pnpm dashboard`: the entry. The command reports the errors it expects; what reaches here is a bug.
import { EXIT_FAILED } from "@keras-mem-bench/results";
import { dashboardCommand } from "./dashboard-command.js";

try {
  process.exitCode = await dashboardCommand(process.argv.slice(2));
} catch (error) {
  console.error(error);
  process.exitCode = EXIT_FAILED;
}
