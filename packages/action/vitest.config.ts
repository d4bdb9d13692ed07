import { defineConfig } from "vitest/config";

// Tests here start node processes (the bundle) and parse GitHub's 13 MB OpenAPI description; on a
// busy 2-core CI machine that can take longer than vitest's 5 s default. A ceiling, not a timing test.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
