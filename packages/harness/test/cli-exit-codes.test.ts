// Every error kmb reports maps to its exit code through the one rule in @keras-mem-bench/results, and the
// commands end with those codes as a user sees them.
import { MergeError, ThresholdsError } from "@keras-mem-bench/report";
import { bufferedIo, exitCodeFor, ResultsFileError } from "@keras-mem-bench/results";
import { describe, expect, it } from "vitest";
import { BatchGridError } from "../src/advise/batch-grid.js";
import { BackendUnavailableError } from "../src/child/backend-setup.js";
import { main } from "../src/cli/main.js";
import { UsageError } from "../src/cli/usage-error.js";
import { MatrixSelectionError } from "../src/matrix/selection-error.js";
import { OutFileError } from "../src/parent/out-file.js";
import { SuiteConfigError } from "../src/suite/suite-resolve.js";
import { TfjsVersionError } from "../src/tfjs-support.js";

describe("kmb exit codes", () => {
  it("maps each error kmb reports: bad input 2, a results file that cannot be written mid-run 1", () => {
    const cases: Array<[Error, number]> = [
      [new UsageError("--epochs 0"), 2],
      [new SuiteConfigError("suite.ts", "epochs", "must be an integer"), 2],
      [new MatrixSelectionError("the filters select no cell"), 2],
      [new BackendUnavailableError("tensorflow", "install @tensorflow/tfjs-node"), 2],
      [new BatchGridError("--min-batch 64 --max-batch 32"), 2],
      [new TfjsVersionError("@tensorflow/tfjs-core 3.20.0 is not supported"), 2],
      [new ResultsFileError("base.json", [{ path: "/cells", message: "missing" }]), 2],
      [new ThresholdsError("t.json", "defaults.timeAlpha", "must be between 0 and 1"), 2],
      [new MergeError("missing shard 2 of 2", ["s1.json"]), 2],
      [new OutFileError("out.json", new Error("ENOSPC")), 1],
      [new Error("a bug"), 1],
    ];
    for (const [error, code] of cases) expect([error.name, exitCodeFor(error)]).toEqual([error.name, code]);
  });

  it("ends every command with the rule's code for bad input", async () => {
    const missing = "/nonexistent/kmb-base.json";
    for (const argv of [["frobnicate"], ["--epochs", "zero"], ["compare", missing, missing], ["compare", "--bogus"], ["merge", missing]]) {
      const io = bufferedIo();
      expect([argv.join(" "), await main(argv, io)]).toEqual([argv.join(" "), 2]);
      expect(io.err).not.toBe("");
      expect(io.err).not.toMatch(/^\s+at /m);
    }
  });
});
