import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { supportedTfjsRange } from "@keras-mem-bench/harness/tfjs-support";
import { publishedManifest } from "../scripts/release-pack.js";

const workspace = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };

describe("the published package.json", () => {
  const manifest = publishedManifest(workspace, supportedTfjsRange());

  it("makes tfjs a peer dependency with the supported range, backends and tsx optional", () => {
    const peers = manifest["peerDependencies"] as Record<string, string>;
    const meta = manifest["peerDependenciesMeta"] as Record<string, { optional: boolean }>;
    expect(peers["@tensorflow/tfjs-core"]).toBe(">=3.9.0 <3.20.0 || >3.20.0 <5.0.0");
    expect(peers["@tensorflow/tfjs-layers"]).toBe(peers["@tensorflow/tfjs-core"]);
    expect(peers["@tensorflow/tfjs-data"]).toBe(peers["@tensorflow/tfjs-core"]);
    expect(meta["@tensorflow/tfjs-core"]).toBeUndefined();
    for (const optional of [
      "@tensorflow/tfjs-backend-wasm",
      "@tensorflow/tfjs-backend-cpu",
      "@tensorflow/tfjs-backend-webgpu",
      "@tensorflow/tfjs-node",
      "webgpu",
      "tsx",
    ]) {
      expect(meta[optional], optional).toEqual({ optional: true });
    }
  });

  it("has no dependencies, no workspace-only fields, and points at dist", () => {
    expect(manifest["dependencies"]).toBeUndefined();
    expect(manifest["devDependencies"]).toBeUndefined();
    expect(manifest["scripts"]).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toContain("kmb-source");
    expect(manifest["exports"]).toEqual({ ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } });
    expect(manifest["types"]).toBe("./dist/index.d.ts");
    expect(manifest["bin"]).toEqual({ kmb: "./dist/bin.js" });
    expect(manifest["files"]).toEqual(["dist", "README.md"]);
  });
});
