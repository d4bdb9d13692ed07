// Advice fixtures shared by the harness and results tests.

export const MIB = 2 ** 20;

/** The head of the advice row both tests start from: lstm/generator on wasm fits a 320 MiB RSS budget up to b512. */
export function lstmFitsAtB512() {
  return {
    family: "lstm",
    strategy: "generator",
    backend: "wasm",
    metric: "rss",
    budgetBytes: 320 * MIB,
    outcome: "fits",
    largestBatchSize: 512,
  } as const;
}
