// How kmb compare and kmb merge end on an error: bad input (a flag, a results or thresholds file, shards that do not
// make one run) is printed as its message alone, with the exit code of the one rule in @keras-mem-bench/results;
// anything else is a bug and propagates to the CLI entry, which prints its stack.
import { exitCodeFor, isBadInput, type CommandIo } from "@keras-mem-bench/results";

export function reportBadInput(io: CommandIo, error: unknown): number {
  if (!isBadInput(error)) throw error;
  io.stderr(`${(error as Error).message}\n`);
  return exitCodeFor(error);
}
