// `kmb merge SHARD.json... --out ALL.json`: joins the shard files of one sharded run into one results
// file. Refuses (exit 2, naming the files) overlapping cells, mismatched suites or commits, and
// duplicate or missing shards; the merged file is validated before it is written.
import { mergeResults } from "@keras-mem-bench/report";
import { processIo, readResultsFile, writeResultsFile, type CommandIo } from "@keras-mem-bench/results";
import { parseCommandArgs } from "./command-args.js";
import { reportBadInput } from "./report-bad-input.js";
import { UsageError } from "./usage-error.js";

export const MERGE_USAGE = `Usage: kmb merge SHARD.json... --out ALL.json

Merges the results files of a sharded run (kmb --shard i/n) into one file covering the whole matrix.
Every shard 1..n must be given once; cells must not overlap; suites, commits and tfjs versions must match.

Options:
  -o, --out FILE   where to write the merged results (required)
  -h, --help       show this help`;

export async function mergeCommand(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs("merge", MERGE_USAGE, argv, {
      out: { type: "string", short: "o" },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout(`${MERGE_USAGE}\n`);
      return 0;
    }
    if (values.out === undefined) throw new UsageError(`kmb merge: --out FILE is required\n\n${MERGE_USAGE}`);
    if (positionals.length === 0) throw new UsageError(`kmb merge: no shard files given\n\n${MERGE_USAGE}`);
    const twice = positionals.find((p, i) => positionals.indexOf(p) !== i);
    if (twice !== undefined) throw new UsageError(`kmb merge: ${twice} is given twice`);
    if (positionals.includes(values.out))
      throw new UsageError(`--out: ${values.out} is also one of the input files; write the merge somewhere else`);

    const parts = await Promise.all(positionals.map(async (source) => ({ source, results: await readResultsFile(source) })));
    const merged = mergeResults(parts);
    await writeResultsFile(values.out, merged).catch((error: Error) => {
      throw new UsageError(`--out: cannot write ${values.out}: ${error.message}`);
    });
    io.stdout(`Merged ${parts.length} file${parts.length === 1 ? "" : "s"} (${merged.cells.length} cells) into ${values.out}\n`);
    return 0;
  } catch (error) {
    return reportBadInput(io, error);
  }
}
