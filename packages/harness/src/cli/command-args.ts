// The argument parsing every kmb command shares: node's parseArgs, with a bad flag reported as a UsageError.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";

type FlagOptions = NonNullable<ParseArgsConfig["options"]>;
/** What parseArgs returns for these flags: `values` typed per flag, `positionals` (never[] when not allowed). */
type ParsedArgs<T extends FlagOptions, P extends boolean> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: P; options: T }>
>;

function parseOrUsage<T extends FlagOptions, P extends boolean>(
  argv: readonly string[],
  options: T,
  allowPositionals: P,
  describe: (message: string) => string,
): ParsedArgs<T, P> {
  try {
    return parseArgs<{ args: string[]; allowPositionals: P; options: T }>({ args: [...argv], allowPositionals, options });
  } catch (error) {
    throw new UsageError(describe((error as Error).message));
  }
}

/**
 * For a subcommand: a bad flag's message names the command and repeats its usage. `allowPositionals` false for a
 * command that takes no file or word arguments: one given is then a usage error.
 */
export function parseCommandArgs<const T extends FlagOptions, const P extends boolean = true>(
  command: string,
  usage: string,
  argv: readonly string[],
  options: T,
  allowPositionals: P = true as P,
): ParsedArgs<T, P> {
  return parseOrUsage(argv, options, allowPositionals, (message) => `kmb ${command}: ${message}\n\n${usage}`);
}

/** For `kmb run` and `kmb advise` (flags only): node's message as it is; the command adds where --help is. */
export function parseFlags<const T extends FlagOptions>(argv: readonly string[], options: T): ParsedArgs<T, false> {
  return parseOrUsage(argv, options, false, (message) => message);
}
