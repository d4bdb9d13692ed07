// Writes a generated (synthetic) history for demos and screenshots:
//   pnpm --filter @keras-mem-bench/dashboard sample-history --out DIR [--commits 36] [--batch-sizes 32,256] [--backends wasm]
import { parseArgs } from "node:util";
import { writeSampleHistory } from "../src/sample-history.js";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    commits: { type: "string", default: "36" },
    "batch-sizes": { type: "string", default: "32,256" },
    backends: { type: "string", default: "wasm" },
    seed: { type: "string", default: "7" },
  },
});
if (!values.out) {
  console.error("sample-history: --out DIR is required");
  process.exit(2);
}
const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
const history = await writeSampleHistory(values.out, {
  commits: Number(values.commits),
  batchSizes: list(values["batch-sizes"]).map(Number),
  backends: list(values.backends),
  seed: Number(values.seed),
});
const cells = history.runs[0]?.results.cells.length ?? 0;
console.log(`sample history: ${history.runs.length} commits × ${cells} cells → ${values.out}`);
for (const r of history.injected)
  console.log(`  injected at commit ${r.commit} (${history.index.entries[r.commit]?.sha.slice(0, 7)}): ${r.description}`);
