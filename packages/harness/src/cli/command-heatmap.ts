// `kmb heatmap RESULTS.json [--metric M] [--out FILE.svg]`: the matrix of a run as a static SVG (the picture the
// root README embeds). The drawing is a pure function in @keras-mem-bench/report; this file is the I/O around it.
import { writeFile } from "node:fs/promises";
import { HEATMAP_METRIC_INFO, HEATMAP_METRICS, renderHeatmapSvg, type HeatmapMetric } from "@keras-mem-bench/report";
import { processIo, readResultsFile, type CommandIo } from "@keras-mem-bench/results";
import { parseCommandArgs } from "./command-args.js";
import { reportBadInput } from "./report-bad-input.js";
import { UsageError } from "./usage-error.js";

export const HEATMAP_USAGE = `Usage: kmb heatmap RESULTS.json [--metric M] [--out FILE.svg]

Draws the matrix of a run as an SVG: one panel per family, strategies × batch sizes, each square coloured
by the figure and labelled with it.

Options:
  --metric M    ${HEATMAP_METRICS.map((m) => `${m} (${HEATMAP_METRIC_INFO[m].label})`).join(", ")}; default step-peak
  --out FILE    write the SVG there (default: stdout)
  -h, --help    show this help`;

export async function heatmapCommand(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs("heatmap", HEATMAP_USAGE, argv, {
      metric: { type: "string", default: "step-peak" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout(`${HEATMAP_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError(`kmb heatmap: expected one results file, got ${positionals.length}\n\n${HEATMAP_USAGE}`);
    const metric = values.metric as HeatmapMetric;
    if (!HEATMAP_METRICS.includes(metric)) throw new UsageError(`--metric "${values.metric}": one of ${HEATMAP_METRICS.join(", ")}`);
    const svg = renderHeatmapSvg(await readResultsFile(positionals[0]!), metric);
    if (values.out === undefined) {
      io.stdout(svg);
      return 0;
    }
    try {
      await writeFile(values.out, svg);
    } catch (error) {
      throw new UsageError(`--out: cannot write ${values.out}: ${(error as Error).message}`);
    }
    io.stderr(`Heatmap (${HEATMAP_METRIC_INFO[metric].label}) written to ${values.out}\n`);
    return 0;
  } catch (error) {
    return reportBadInput(io, error);
  }
}
