import { defineConfig } from "vitest/config";
import { slowMachineTimeouts } from "../../vitest.shared.js";

// Tests here start node processes (the bundle) and parse GitHub's 13 MB OpenAPI description.
export default defineConfig({ test: { ...slowMachineTimeouts } });
