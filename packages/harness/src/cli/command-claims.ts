// `kmb claims [--out FILE] [run options…]` runs the claims suite (suites/claims.ts) and reports every claim of the
// articles with its verdict and figures; `kmb claims --from RESULTS.json` reports from a file already measured.
// The verdicts are pure functions in @keras-mem-bench/report; this file is the I/O around them.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateClaims, renderClaimsMarkdown, renderClaimsTerminal } from "@keras-mem-bench/report";
import { EXIT_BAD_INPUT, processIo, readResultsFile, type CommandIo } from "@keras-mem-bench/results";
import { runCommand } from "./command-run.js";
import { repositorySuiteFile } from "../suite/suite-load.js";
import { reportBadInput } from "./report-bad-input.js";
import { UsageError } from "./usage-error.js";

/** The claims suite: the repository's suites/claims.ts, written with the same API as a user's suite. */
export const CLAIMS_SUITE_FILE = repositorySuiteFile("claims");

export const CLAIMS_USAGE = `Usage: kmb claims [--out FILE] [run options]
       kmb claims --from RESULTS.json

Runs the claims suite (suites/claims.ts: dense across the four strategies on 65,536 samples, and on 131,072
under a 256 MiB budget; lstm, conv and depthwise-conv at three batch sizes) and checks the articles' claims against
what it measured: whole-array loading, generators, tf.data, batch size, LSTM, depthwise-separable convs,
growth until a crash, GPU memory growth. Each claim gets holds / does not hold / partly / not measured here,
with the figures and cells behind it.

Options:
  --from FILE       report from an existing results file instead of running (any suite's cells count)
  --markdown FILE   also write the claims as a markdown table (a job summary, a README)
  --out FILE        keep the results file of the run (otherwise it goes to a temp folder and is removed)
  run options       any option of \`kmb run\` (--filter, --jobs, --max-rss, --quick, --config …); see kmb --help
  -h, --help        show this help`;

interface ClaimsArgs {
  from: string | null;
  markdown: string | null;
  out: string | null;
  help: boolean;
  /** Everything else, handed to the run command. */
  runArgs: string[];
}

function parseClaimsArgs(argv: readonly string[]): ClaimsArgs {
  const args: ClaimsArgs = { from: null, markdown: null, out: null, help: false, runArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--from" || flag === "--markdown" || flag === "--out") {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UsageError(`kmb claims: ${flag} needs a file\n\n${CLAIMS_USAGE}`);
      args[flag.slice(2) as "from" | "markdown" | "out"] = value;
    } else if (flag === "--help" || flag === "-h") {
      args.help = true;
    } else {
      args.runArgs.push(arg);
    }
  }
  if (args.from !== null && (args.runArgs.length > 0 || args.out !== null)) {
    throw new UsageError(
      `kmb claims: --from reports from a file; it takes no run options (got ${[...(args.out === null ? [] : ["--out"]), ...args.runArgs].join(" ")})`,
    );
  }
  return args;
}

export async function claimsCommand(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  try {
    const args = parseClaimsArgs(argv);
    if (args.help) {
      io.stdout(`${CLAIMS_USAGE}\n`);
      return 0;
    }
    if (args.from !== null) {
      await report(await readResultsFile(args.from), args, io);
      return 0;
    }
    // The run writes its file after every cell; without --out it goes to a temp folder, read back once the run ends.
    const tempDir = args.out === null ? await mkdtemp(join(tmpdir(), "kmb-claims-")) : null;
    const out = args.out ?? join(tempDir!, "claims.json");
    try {
      const config = args.runArgs.some((a) => a === "--config" || a.startsWith("--config=")) ? [] : ["--config", CLAIMS_SUITE_FILE];
      const code = await runCommand([...config, ...args.runArgs, "--out", out], io, { endClaims: false });
      if (code === EXIT_BAD_INPUT) return code;
      const results = await readResultsFile(out).catch(() => null);
      if (results !== null && results.cells.length > 0) await report(results, args, io);
      return code;
    } finally {
      if (tempDir !== null) await rm(tempDir, { recursive: true, force: true });
    }
  } catch (error) {
    return reportBadInput(io, error);
  }
}

async function report(results: Awaited<ReturnType<typeof readResultsFile>>, args: ClaimsArgs, io: CommandIo): Promise<void> {
  const claims = evaluateClaims(results);
  io.stdout(`\n${renderClaimsTerminal(claims, { color: io.color })}\n`);
  if (args.markdown !== null) {
    try {
      await writeFile(args.markdown, renderClaimsMarkdown(claims));
    } catch (error) {
      throw new UsageError(`--markdown: cannot write ${args.markdown}: ${(error as Error).message}`);
    }
    io.stderr(`Claims written to ${args.markdown}\n`);
  }
}
