// Lint enforces the package boundaries the design relies on:
// only the harness measures with tinybench, only the action talks to GitHub.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const restrict = (names, why) => ({
  "no-restricted-imports": [
    "error",
    { paths: names.map((name) => ({ name, message: why })), patterns: names.map((n) => ({ group: [`${n}/*`], message: why })) },
  ],
});

const TINYBENCH = ["tinybench"];
const ACTIONS = ["@actions/core", "@actions/github", "@actions/exec", "@actions/glob", "@actions/http-client"];
const WHY = "Only packages/harness imports tinybench; only packages/action imports @actions/*.";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/site/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // One block per package group: flat config keeps only the last value of a rule per file.
  { files: ["packages/**/*.ts", "bench/**/*.ts", "suites/**/*.ts"], rules: restrict([...TINYBENCH, ...ACTIONS], WHY) },
  { files: ["packages/harness/**/*.ts"], rules: restrict(ACTIONS, WHY) },
  { files: ["packages/action/**/*.ts"], rules: restrict(TINYBENCH, WHY) },
);
