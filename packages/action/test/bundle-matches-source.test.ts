// The committed dist/index.js is what `uses: …@v1` runs; it must be exactly what the sources build to.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { BUNDLE_PATH, firstDifference, renderBundle } from "../scripts/bundle.js";

describe("the committed action bundle", () => {
  test("is byte-identical to a fresh build (run `pnpm --filter @keras-mem-bench/action build` if not)", async () => {
    const fresh = await renderBundle();
    const committed = readFileSync(BUNDLE_PATH, "utf8");
    expect(committed === fresh, `dist/index.js is stale; first difference at ${firstDifference(committed, fresh)}`).toBe(true);
  });

  test("the build is deterministic", async () => {
    expect(await renderBundle()).toBe(await renderBundle());
  });

  test("inlines every dependency: only Node built-ins are imported at run time", () => {
    const text = readFileSync(BUNDLE_PATH, "utf8");
    const specifiers = [...text.matchAll(/^import .* from "([^"]+)";$/gm), ...text.matchAll(/__require\("([^"]+)"\)/g)].map(
      (m) => m[1] ?? "",
    );
    const external = specifiers.filter(
      (s) =>
        !s.startsWith("node:") &&
        !/^(assert|async_hooks|buffer|child_process|crypto|diagnostics_channel|events|fs|http|http2|https|net|os|path|perf_hooks|querystring|stream|string_decoder|tls|url|util|worker_threads|zlib|console|dns|sqlite)(\/.*)?$/.test(
          s,
        ),
    );
    expect(external).toEqual([]);
    expect(text).toContain("keras-mem-bench results file"); // the results JSON Schema travels inside
  });
});
