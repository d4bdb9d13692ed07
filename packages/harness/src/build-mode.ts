// Whether this code runs as the published package's compiled JavaScript (plain node) or as the TypeScript
// sources under tsx (this repository's tests and tools). Decides how cell processes start and how a
// TypeScript suite file is loaded.
export const RUNS_COMPILED = !import.meta.url.endsWith(".ts");
