// Which tfjs releases cells train with, found by training every layer family on cpu and wasm in Node 20
// (packages/keras-mem-bench/README.md has the table and the commands). Checked before a run, so an
// unsupported or incomplete tfjs fails once with what to install instead of in every cell.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Below this, DepthwiseConv2D cannot train on any backend: its gradient throws inside tfjs (3.8.0 and older). */
export const OLDEST_SUPPORTED_TFJS = "3.9.0";
/** The first major release not tried. */
export const FIRST_UNTRIED_MAJOR = 5;
/** Releases inside the range that cannot train in Node, and why. */
export const BROKEN_TFJS: Readonly<Record<string, string>> = {
  "3.20.0": "its Node bundle of tfjs-core registers no gradients, so every fit fails with 'gradient function not found for Mean'",
};
/** The wasm backend before this one fetches its .wasm file with Node's global fetch, which cannot read a file path. */
export const WASM_FETCH_FIXED_IN = "3.21.0";
/** @tensorflow/tfjs-backend-webgpu has stable releases from 4.6.0 on. */
export const OLDEST_WEBGPU_TFJS = "4.6.0";

/** A tfjs that cells cannot train with, or a backend package that does not match it. */
export class TfjsVersionError extends Error {
  readonly code = "KMB_TFJS_UNSUPPORTED";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "TfjsVersionError";
}

type Version = readonly [number, number, number];

function parseVersion(version: string): Version | null {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** Negative when a < b, 0 when equal (pre-release tags ignored), positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  if (!x || !y) throw new TfjsVersionError(`not a version: "${x ? b : a}"`);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The supported range as an npm semver range (the published package's peer dependencies use it). */
export function supportedTfjsRange(): string {
  const parts: string[] = [];
  let from = `>=${OLDEST_SUPPORTED_TFJS}`;
  for (const broken of Object.keys(BROKEN_TFJS).sort(compareVersions)) {
    parts.push(`${from} <${broken}`);
    from = `>${broken}`;
  }
  parts.push(`${from} <${FIRST_UNTRIED_MAJOR}.0.0`);
  return parts.join(" || ");
}

/** Why cells cannot train with this tfjs-core version, or null when it is supported. */
export function tfjsSupportProblem(version: string): string | null {
  if (parseVersion(version) === null) return `"${version}" is not a release version`;
  const broken = BROKEN_TFJS[version.replace(/-.*$/, "")];
  if (broken !== undefined) return `${version} is not supported: ${broken}`;
  if (compareVersions(version, OLDEST_SUPPORTED_TFJS) < 0) {
    return `${version} is older than ${OLDEST_SUPPORTED_TFJS}, the oldest release whose DepthwiseConv2D gradient works`;
  }
  if (compareVersions(version, `${FIRST_UNTRIED_MAJOR}.0.0`) >= 0)
    return `${version} is newer than every major release tried (up to ${FIRST_UNTRIED_MAJOR - 1}.x)`;
  return null;
}

const require = createRequire(import.meta.url);

// From the sources, tfjs-data and the webgpu backend are dependencies of sibling packages, not of the harness:
// look there too. Compiled (the published package), the first one finds the user's project.
const LOOK_FROM = [
  require,
  ...["@keras-mem-bench/pipelines", "@keras-mem-bench/webgpu-node"].flatMap((pkg) => {
    try {
      return [createRequire(require.resolve(pkg))];
    } catch {
      return [];
    }
  }),
];

/** The version of an installed package as the harness would load it, or null when it is not installed. */
export function installedVersion(name: string): string | null {
  for (const from of LOOK_FROM) {
    try {
      // Resolve the entry point (package.json may not be exported) and read the package.json above it.
      let dir = dirname(from.resolve(name));
      for (;;) {
        try {
          const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
          if (pkg.name === name && pkg.version) return pkg.version;
        } catch {
          // no package.json here; keep climbing
        }
        const up = dirname(dir);
        if (up === dir) break;
        dir = up;
      }
    } catch {
      // not installed from here
    }
  }
  return null;
}

/** The tfjs-core version cells will train with; throws when it is missing or unsupported. */
export function assertTfjsSupported(versionOf: (name: string) => string | null = installedVersion): string {
  const core = versionOf("@tensorflow/tfjs-core");
  const range = supportedTfjsRange();
  if (core === null) {
    throw new TfjsVersionError(
      `@tensorflow/tfjs-core is not installed; install tfjs in your project (supported: ${range}), e.g. npm install @tensorflow/tfjs-core @tensorflow/tfjs-layers @tensorflow/tfjs-data @tensorflow/tfjs-backend-wasm`,
    );
  }
  const problem = tfjsSupportProblem(core);
  if (problem !== null) throw new TfjsVersionError(`@tensorflow/tfjs-core ${problem}. Supported: ${range}.`);
  // tfjs releases its packages together; a layers or data package of another release is not a tested pair.
  for (const name of ["@tensorflow/tfjs-layers", "@tensorflow/tfjs-data"]) {
    const version = versionOf(name);
    if (version === null)
      throw new TfjsVersionError(`${name} is not installed; install ${name}@${core} (the version of your @tensorflow/tfjs-core)`);
    if (version !== core)
      throw new TfjsVersionError(`${name}@${version} does not match @tensorflow/tfjs-core@${core}; install ${name}@${core}`);
  }
  return core;
}
