// The argument parsing kmb's subcommands share: node's parseArgs, with a bad flag reported as a UsageError that
// names the command and repeats its usage.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";

type FlagOptions = NonNullable<ParseArgsConfig["options"]>;
/** What parseArgs returns for these flags: `values` typed per flag, `positionals` (never[] when not allowed). */
type ParsedArgs<T extends FlagOptions, P extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: P; options: T }>>;

/** `allowPositionals` false for a command that takes no file or word arguments: one given is then a usage error. */
export function parseCommandArgs<const T extends FlagOptions, const P extends boolean = true>(
  command: string,
  usage: string,
  argv: readonly string[],
  options: T,
  allowPositionals: P = true as P,
): ParsedArgs<T, P> {
  try {
    return parseArgs<{ args: string[]; allowPositionals: P; options: T }>({ args: [...argv], allowPositionals, options });
  } catch (error) {
    throw new UsageError(`kmb ${command}: ${(error as Error).message}\n\n${usage}`);
  }
}
