// Bundles the browser code (client/) with uPlot into one script, and its CSS into one string.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface ClientBundle {
  js: string;
  css: string;
}

const require = createRequire(import.meta.url);

export async function bundleClient(): Promise<ClientBundle> {
  const entry = fileURLToPath(new URL("../client/main.ts", import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    platform: "browser",
    // Evergreen browsers of the last couple of years: no transpiling the code does not need.
    target: ["chrome110", "firefox110", "safari16"],
    legalComments: "none",
    logLevel: "silent",
  });
  const js = result.outputFiles[0]?.text;
  if (js === undefined) throw new Error("esbuild produced no output for client/main.ts");
  const [uplotCss, ownCss] = await Promise.all([
    readFile(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
    readFile(fileURLToPath(new URL("../client/styles.css", import.meta.url)), "utf8"),
  ]);
  return { js, css: `${uplotCss}\n${ownCss}` };
}
