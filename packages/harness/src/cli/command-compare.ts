// `kmb compare BASE.json HEAD.json [--markdown FILE] [--fail-on-regression] [--thresholds FILE]`:
// reads and validates both results files, prints the terminal table, optionally writes the markdown
// report. Exit 0, or 1 on a regression with --fail-on-regression, or 2 when an input is unusable (the one rule:
// packages/results/src/exit-code.ts).
import { writeFile } from "node:fs/promises";
import { compare, readThresholdsFile, renderMarkdown, renderTerminal, ThresholdsError, type Thresholds } from "@keras-mem-bench/report";
import { EXIT_FAILED, processIo, readResultsFile, type CommandIo } from "@keras-mem-bench/results";
import { parseCommandArgs } from "./command-args.js";
import { reportBadInput } from "./report-bad-input.js";
import { UsageError } from "./usage-error.js";

export const COMPARE_USAGE = `Usage: kmb compare BASE.json HEAD.json [options]

Compares the head run's cells with the base run's and prints what got worse or better.

Options:
  --markdown FILE         also write the report as GitHub markdown to FILE
  --fail-on-regression    exit 1 when a cell regressed, crashed or became unsupported
  --thresholds FILE       JSON thresholds (defaults and per-cell patterns; see packages/report/README.md)
  --marker TEXT           hidden marker comment at the top of the markdown (<!-- keras-mem-bench:TEXT -->)
  --title TEXT            heading of the markdown report
  --color / --no-color    ANSI colours in the table (default: when stdout is a terminal and NO_COLOR is unset)
  -h, --help              show this help`;

async function loadThresholds(path: string): Promise<Thresholds> {
  try {
    return await readThresholdsFile(path);
  } catch (error) {
    // A file that cannot be read or is not JSON is a bad --thresholds argument; bad values name their key.
    if (error instanceof ThresholdsError && error.problem !== "invalid") throw new UsageError(`--thresholds: ${error.message}`);
    throw error;
  }
}

export async function compareCommand(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs("compare", COMPARE_USAGE, argv, {
      markdown: { type: "string" },
      "fail-on-regression": { type: "boolean", default: false },
      thresholds: { type: "string" },
      marker: { type: "string" },
      title: { type: "string" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout(`${COMPARE_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 2) {
      throw new UsageError(
        `kmb compare: expected BASE.json and HEAD.json, got ${positionals.length} file${positionals.length === 1 ? "" : "s"}\n\n${COMPARE_USAGE}`,
      );
    }
    const [basePath, headPath] = positionals as [string, string];
    if (values.marker !== undefined && !/^[A-Za-z0-9:._-]+$/.test(values.marker)) {
      throw new UsageError(`--marker: ${JSON.stringify(values.marker)} may hold only letters, digits and : . _ -`);
    }
    const thresholds = values.thresholds === undefined ? undefined : await loadThresholds(values.thresholds);
    const [base, head] = await Promise.all([readResultsFile(basePath), readResultsFile(headPath)]);
    const comparison = compare(base, head, thresholds);
    const color = values["no-color"] ? false : (values.color ?? io.color);
    io.stdout(renderTerminal(comparison, { color }));

    if (values.markdown !== undefined) {
      const markdown = renderMarkdown(comparison, {
        baseLabel: base.env.git?.sha.slice(0, 7) ?? basePath,
        headLabel: head.env.git?.sha.slice(0, 7) ?? headPath,
        ...(values.marker === undefined ? {} : { marker: values.marker }),
        ...(values.title === undefined ? {} : { title: values.title }),
      });
      try {
        await writeFile(values.markdown, markdown);
      } catch (error) {
        throw new UsageError(`--markdown: cannot write ${values.markdown}: ${(error as Error).message}`);
      }
      io.stderr(`Markdown report written to ${values.markdown}\n`);
    }
    if (comparison.regressions > 0 && values["fail-on-regression"]) return EXIT_FAILED;
    return 0;
  } catch (error) {
    return reportBadInput(io, error);
  }
}
