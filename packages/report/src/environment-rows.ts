// Both runs' environments as label/value rows, for the markdown and terminal renderers. Values are
// plain text from the results files: renderers escape them.
import { formatBytes } from "@keras-mem-bench/metrics";
import type { Cell, RunEnvironment } from "@keras-mem-bench/results";

export function environmentRows(env: RunEnvironment): Array<[string, string]> {
  const git = env.git ? `${env.git.sha}${env.git.ref ? ` (${env.git.ref})` : ""}${env.git.dirty ? ", dirty" : ""}` : "unknown";
  const tfjs = Object.entries(env.tfjs)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");
  const gpu =
    env.gpu === null || env.gpu.length === 0
      ? "none"
      : env.gpu
          .map(
            (g) =>
              `${g.name}${g.memoryTotalBytes === null ? "" : ` (${formatBytes(g.memoryTotalBytes)})`}${g.driverVersion ? `, driver ${g.driverVersion}` : ""}`,
          )
          .join("; ");
  return [
    ["git", git],
    ["node", env.node],
    ["tfjs", tfjs || "unknown"],
    ["cpu", `${env.cpu.model} × ${env.cpu.count}`],
    ["memory", formatBytes(env.totalMemoryBytes)],
    ["gpu", gpu],
    ["platform", `${env.platform} ${env.arch}`],
  ];
}

/**
 * The devices a run's GPU-backend cells computed on (webgpu: the adapter), "—" when no cell recorded one
 * (CPU backends, or files from before version 3). Lavapipe and a real GPU give unrelated figures.
 */
export function computeDevicesRow(cells: ReadonlyArray<Cell | null>): [string, string] {
  const devices = new Set<string>();
  for (const cell of cells) {
    if (cell?.computeDevice) devices.add(`${cell.computeDevice.description}${cell.computeDevice.software ? " [software]" : ""}`);
  }
  return ["compute device", devices.size === 0 ? "—" : [...devices].sort().join("; ")];
}
