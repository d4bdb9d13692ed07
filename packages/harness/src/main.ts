// `kmb` command dispatcher. compare and merge live in their own files and load on demand.
import { RUN_USAGE } from "./cli-options.js";
import { runCommand } from "./command-run.js";

type Command = (argv: string[]) => Promise<number>;

async function lazyCommand(file: string, exportName: string, name: string): Promise<Command | string> {
  // A variable specifier keeps typecheck independent of files that other packages' work adds.
  const specifier = `./${file}.js`;
  try {
    const module = (await import(specifier)) as Record<string, unknown>;
    const command = module[exportName];
    return typeof command === "function" ? (command as Command) : `kmb ${name}: ${file}.ts does not export ${exportName}()`;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes(file)) {
      return `kmb ${name} is not available in this checkout (packages/harness/src/${file}.ts is missing)`;
    }
    throw error;
  }
}

/** Runs `kmb <argv>` and returns the exit code. Only this and the CLI entry decide exit codes. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "compare" || first === "merge") {
    const command = await lazyCommand(`command-${first}`, `${first}Command`, first);
    if (typeof command === "string") {
      process.stderr.write(`${command}\n`);
      return 2;
    }
    return command(rest);
  }
  if (first === "help") {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  if (first === "run") return runCommand(rest);
  if (first !== undefined && !first.startsWith("-")) {
    process.stderr.write(`kmb: unknown command "${first}" (commands: run, compare, merge; run \`kmb --help\`)\n`);
    return 2;
  }
  return runCommand(argv);
}
