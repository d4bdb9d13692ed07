import { defineConfig } from "vitest/config";
import { slowMachineTimeouts } from "../../vitest.shared.js";

export default defineConfig({ test: { ...slowMachineTimeouts } });
