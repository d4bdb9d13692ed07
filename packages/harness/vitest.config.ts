import { defineConfig } from "vitest/config";
import { slowMachineTimeouts } from "../../vitest.shared.js";

// Several test files start real cell processes (tfjs on wasm). One file at a time keeps them from
// competing for the 2 cores, and forks keep process-wide state (env vars, signal handlers) per file.
export default defineConfig({ test: { ...slowMachineTimeouts, pool: "forks", fileParallelism: false } });
