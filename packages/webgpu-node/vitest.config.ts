import { defineConfig } from "vitest/config";
import { slowMachineTimeouts } from "../../vitest.shared.js";

// Each test file in its own process: tests change process-wide environment (PATH, VK_DRIVER_FILES),
// which worker threads would share.
export default defineConfig({ test: { ...slowMachineTimeouts, pool: "forks" } });
