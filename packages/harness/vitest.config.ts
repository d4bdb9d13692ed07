import { defineConfig } from "vitest/config";
import { slowMachineTimeouts } from "../../vitest.shared.js";

// Several test files start real cell processes (tfjs on wasm). One file at a time keeps them from
// competing for the 2 cores, and forks keep process-wide state (env vars, signal handlers) per file.
// Suites import "keras-mem-bench": kmb-source resolves it to its sources, as the cell processes do
// (the rest are vite's default server conditions).
export default defineConfig({
  ssr: { resolve: { conditions: ["kmb-source", "module", "node", "development|production"] } },
  test: { ...slowMachineTimeouts, pool: "forks", fileParallelism: false },
});
