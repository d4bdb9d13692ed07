// `kmb init`: writes a starter suite and a benchmark workflow into the user's project (the current
// folder). Never overwrites a file unless --force says so: the refusal names every file in the way.
import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { processIo, type CommandIo } from "@keras-mem-bench/results";
import { parseCommandArgs } from "./command-args.js";
import {
  suiteFileName,
  suiteTemplate,
  WORKFLOW_FILE,
  workflowTemplate,
  type PackageManager,
  type SuiteLanguage,
} from "./init-templates.js";
import { reportBadInput } from "./report-bad-input.js";
import { UsageError } from "./usage-error.js";

export const INIT_USAGE = `Usage: kmb init [options]

Writes, in the current folder (your project's root):
  kmb.suite.mjs (or kmb.suite.ts)      a suite with your model and data as a ModelSpec and a PipelineFactory
                                       skeleton that runs as written: npx kmb --config kmb.suite.mjs
  ${WORKFLOW_FILE}   a workflow that runs it on pull requests and pushes, then the Action
                                       compares with the base commit and comments

Options:
  --ts          write the suite in TypeScript (loading it needs tsx: npm install --save-dev tsx)
  --force       overwrite files that exist
  -h, --help    show this help`;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The package manager whose lockfile the project has (npm when none). */
async function packageManagerOf(dir: string): Promise<PackageManager> {
  if (await exists(join(dir, "pnpm-lock.yaml"))) return "pnpm";
  if (await exists(join(dir, "yarn.lock"))) return "yarn";
  return "npm";
}

export async function initCommand(argv: readonly string[], io: CommandIo = processIo(), cwd: string = process.cwd()): Promise<number> {
  try {
    const { values } = parseCommandArgs(
      "init",
      INIT_USAGE,
      argv,
      {
        ts: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      false,
    );
    if (values.help) {
      io.stdout(`${INIT_USAGE}\n`);
      return 0;
    }
    const language: SuiteLanguage = values.ts ? "ts" : "js";
    const suiteFile = suiteFileName(language);
    const files = [
      { path: suiteFile, text: suiteTemplate(language) },
      { path: WORKFLOW_FILE, text: workflowTemplate(suiteFile, await packageManagerOf(cwd)) },
    ];
    if (!values.force) {
      const taken = [];
      for (const file of files) if (await exists(join(cwd, file.path))) taken.push(file.path);
      if (taken.length > 0)
        throw new UsageError(
          `kmb init: ${taken.join(" and ")} already exist${taken.length === 1 ? "s" : ""}; nothing was written (--force overwrites)`,
        );
    }
    for (const file of files) {
      await mkdir(dirname(join(cwd, file.path)), { recursive: true });
      await writeFile(join(cwd, file.path), file.text);
      io.stdout(`wrote ${file.path}\n`);
    }
    io.stdout(`\nNext: npx kmb --config ${suiteFile} --quick${language === "ts" ? " (needs tsx: npm install --save-dev tsx)" : ""}\n`);
    return 0;
  } catch (error) {
    return reportBadInput(io, error);
  }
}
