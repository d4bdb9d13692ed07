import { describe, expect, it } from "vitest";
import { assertBackendInstalled, BackendUnavailableError } from "../src/child/backend-setup.js";
import { assertTfjsSupported, supportedTfjsRange, tfjsSupportProblem, TfjsVersionError } from "../src/tfjs-support.js";

/** A project with these packages installed (name → version). */
const project =
  (installed: Record<string, string>) =>
  (name: string): string | null =>
    installed[name] ?? null;

const tfjs = (version: string, extra: string[] = []) =>
  project(
    Object.fromEntries(
      ["@tensorflow/tfjs-core", "@tensorflow/tfjs-layers", "@tensorflow/tfjs-data", ...extra].map((name) => [name, version]),
    ),
  );

describe("the supported tfjs range", () => {
  it("is 3.9.0 up to 5, without 3.20.0, as an npm range", () => {
    expect(supportedTfjsRange()).toBe(">=3.9.0 <3.20.0 || >3.20.0 <5.0.0");
  });

  it.each(["3.9.0", "3.19.0", "3.21.0", "4.0.0", "4.22.0", "4.23.0-rc.0"])("supports %s", (version) => {
    expect(tfjsSupportProblem(version)).toBeNull();
  });

  it.each([
    ["3.8.0", /older than 3\.9\.0.*DepthwiseConv2D/],
    ["2.8.6", /older than 3\.9\.0/],
    ["3.20.0", /registers no gradients/],
    ["5.0.0", /newer than every major release tried/],
    ["latest", /not a release version/],
  ])("refuses %s, saying why", (version, why) => {
    expect(tfjsSupportProblem(version)).toMatch(why);
  });
});

describe("checks before a run", () => {
  it("names the tfjs-core version and the range when it is unsupported", () => {
    expect(() => assertTfjsSupported(tfjs("3.8.0"))).toThrow(TfjsVersionError);
    expect(() => assertTfjsSupported(tfjs("3.8.0"))).toThrow("Supported: >=3.9.0 <3.20.0 || >3.20.0 <5.0.0");
  });

  it("says to install tfjs when tfjs-core is missing", () => {
    expect(() => assertTfjsSupported(project({}))).toThrow(/@tensorflow\/tfjs-core is not installed.*npm install @tensorflow\/tfjs-core/);
  });

  it("refuses a tfjs-layers of another release than tfjs-core", () => {
    const mixed = project({ "@tensorflow/tfjs-core": "4.22.0", "@tensorflow/tfjs-layers": "4.21.0", "@tensorflow/tfjs-data": "4.22.0" });
    expect(() => assertTfjsSupported(mixed)).toThrow(
      "@tensorflow/tfjs-layers@4.21.0 does not match @tensorflow/tfjs-core@4.22.0; install @tensorflow/tfjs-layers@4.22.0",
    );
  });

  it("names the backend package at the core's version when it is not installed", () => {
    const error = (() => {
      try {
        assertBackendInstalled("wasm", tfjs("3.21.0", ["@tensorflow/tfjs-backend-cpu"]));
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as BackendUnavailableError).code).toBe("KMB_BACKEND_UNAVAILABLE");
    expect((error as Error).message).toBe(
      'backend "wasm" needs @tensorflow/tfjs-backend-wasm@3.21.0 (the release of your @tensorflow/tfjs-core), which is not installed: `npm install @tensorflow/tfjs-backend-wasm@3.21.0`',
    );
    expect(() => assertBackendInstalled("cpu", tfjs("3.21.0", ["@tensorflow/tfjs-backend-cpu"]))).not.toThrow();
  });

  it("refuses a backend of another release than tfjs-core", () => {
    const versions = project({
      ...Object.fromEntries(["core", "layers", "data"].map((p) => [`@tensorflow/tfjs-${p}`, "4.0.0"])),
      "@tensorflow/tfjs-backend-wasm": "4.22.0",
    });
    expect(() => assertBackendInstalled("wasm", versions)).toThrow(
      "@tensorflow/tfjs-backend-wasm@4.22.0 does not match @tensorflow/tfjs-core@4.0.0",
    );
  });

  it("needs tfjs 4.6.0 or newer and Dawn for webgpu", () => {
    expect(() => assertBackendInstalled("webgpu", tfjs("4.0.0", ["@tensorflow/tfjs-backend-webgpu", "webgpu"]))).toThrow(
      /needs tfjs 4\.6\.0 or newer/,
    );
    expect(() => assertBackendInstalled("webgpu", tfjs("4.22.0", ["@tensorflow/tfjs-backend-webgpu"]))).toThrow(
      "needs webgpu@0.6.x, which is not installed",
    );
  });

  it("names tfjs-node at the core's version for tensorflow", () => {
    expect(() => assertBackendInstalled("tensorflow", tfjs("4.22.0"))).toThrow("npm install @tensorflow/tfjs-node@4.22.0");
  });
});
