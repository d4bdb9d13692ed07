// What `kmb init` writes into a user's project: a starter suite (their model and data as a ModelSpec and a
// PipelineFactory that run as written) and a workflow that benchmarks every pull request and push.
// Pure: the command decides where they go and whether they may be written.

/** The Action a user's workflow runs; the major tag moves with each release (release.yml). */
export const ACTION_REF = "org/keras-mem-bench@v1";

export type SuiteLanguage = "js" | "ts";
export type PackageManager = "npm" | "pnpm" | "yarn";

export function suiteFileName(language: SuiteLanguage): string {
  return language === "ts" ? "kmb.suite.ts" : "kmb.suite.mjs";
}

export const WORKFLOW_FILE = ".github/workflows/memory-bench.yml";
export const RESULTS_FILE = "kmb-results.json";

const MODEL_BODY = `  family: "my-model",
  description: "Dense 32 (relu) → dense 2 (softmax) over 16 features; class = sign of their sum",
  inputShape: [FEATURES],
  targetShape: [2],
  classes: 2,
  // Called once per cell, in the cell's own process: build and compile your real model here.
  build(seed) {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ inputShape: [FEATURES], units: 32, activation: "relu", kernelInitializer: tfl.initializers.glorotUniform({ seed }) }),
        tfl.layers.dense({ units: 2, activation: "softmax", kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 }) }),
      ],
    });
    // The optimizer by name: it is disposed with the model.
    model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
    return model;
  },
  // Your data, one sample at a time: fill x and y in place (both start as zeros). Load or generate it
  // from \`index\` so every cell, strategy and run sees the same samples.
  samples(seed, count) {
    return createSampleSource({
      count,
      xShape: [FEATURES],
      yShape: [2],
      fill(index, x, y) {
        let sum = 0;
        for (let i = 0; i < FEATURES; i++) sum += x[i] = (((index * 31 + i * 17 + seed) % 13) - 6) / 6;
        y[sum > 0 ? 1 : 0] = 1;
      },
    });
  },`;

const PIPELINE_BODY = `  strategy: "my-pipeline",
  // Here the built-in tf.data pipeline with a deeper prefetch; return your own
  // { prepare, fitEpoch(model, callbacks), dispose, batchesPerEpoch } to measure your input pipeline.
  create: (source, options) => builtInPipelines["tf-data"].create(source, { ...options, prefetch: 4 }),`;

const SUITE_BODY = `export default defineSuite({
  name: "my-project",
  // Your model next to a built-in family for scale; built-in names: dense, lstm, conv, depthwise-conv.
  families: [myModel, "dense"],
  // Your pipeline next to the built-in strategies: in-memory, generator, tf-data, file-stream.
  strategies: ["in-memory", myPipeline],
  batchSizes: [32, 128],
  // wasm is the default; also cpu, webgpu, tensorflow (each needs its tfjs package installed).
  backends: ["wasm"],
  epochs: 8,
  warmupEpochs: 2,
  samplesPerEpoch: 1024,
  // \`kmb --quick\` (what the workflow runs on pull requests).
  quickOverrides: { batchSizes: [32], samplesPerEpoch: 256 },
});
`;

export function suiteTemplate(language: SuiteLanguage): string {
  const head = `// keras-mem-bench suite: how much memory fit needs and keeps for this project's model and data.
// Run: npx kmb --config ${suiteFileName(language)} (add --quick for a short run, --out results.json to keep it).
// Every key: https://www.npmjs.com/package/keras-mem-bench`;
  if (language === "ts") {
    return `${head}
import { builtInPipelines, createSampleSource, defineSuite, tfl, type ModelSpec, type PipelineFactory } from "keras-mem-bench";

const FEATURES = 16;

const myModel: ModelSpec = {
${MODEL_BODY}
};

const myPipeline: PipelineFactory = {
${PIPELINE_BODY}
};

${SUITE_BODY}`;
  }
  return `${head}
import { builtInPipelines, createSampleSource, defineSuite, tfl } from "keras-mem-bench";

const FEATURES = 16;

/** @type {import("keras-mem-bench").ModelSpec} */
const myModel = {
${MODEL_BODY}
};

/** @type {import("keras-mem-bench").PipelineFactory} */
const myPipeline = {
${PIPELINE_BODY}
};

${SUITE_BODY}`;
}

// pnpm comes from corepack after setup-node, so setup-node cannot cache its store.
const INSTALL: Record<PackageManager, { setup: string; install: string; run: string }> = {
  npm: { setup: "          cache: npm\n", install: "npm ci", run: "npx" },
  pnpm: { setup: "      - run: corepack enable\n", install: "pnpm install --frozen-lockfile", run: "pnpm exec" },
  yarn: { setup: "          cache: yarn\n", install: "yarn install --frozen-lockfile", run: "yarn" },
};

export function workflowTemplate(suiteFile: string, packageManager: PackageManager): string {
  const pm = INSTALL[packageManager];
  return `# Memory benchmark of this project's model and data (keras-mem-bench): on pull requests the Action
# comments the deltas against the base commit; on pushes to the default branch it stores the results
# as history (a branch of this repository), so pull requests have a base to compare with.
name: memory-bench

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: write
  pull-requests: write

concurrency:
  group: memory-bench-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

jobs:
  bench:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
${pm.setup}      - run: ${pm.install}
      - run: ${pm.run} kmb --config ${suiteFile} --quick --out ${RESULTS_FILE}
      - uses: ${ACTION_REF}
        with:
          results: ${RESULTS_FILE}
          github-token: \${{ secrets.GITHUB_TOKEN }}
`;
}
