import { defineConfig } from "vitest/config";
import { slowMachineTimeouts } from "../../vitest.shared.js";

// The tests start the compiled kmb (real cell processes): one file at a time.
export default defineConfig({ test: { ...slowMachineTimeouts, pool: "forks", fileParallelism: false } });
