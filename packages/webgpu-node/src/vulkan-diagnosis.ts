// What the machine has for Vulkan, so "no adapter" can say which piece is missing.
// The file checks are the I/O edge; `noAdapterMessage` is pure and tested on its own.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface VulkanDiagnosis {
  /** Path of the Vulkan loader (libvulkan.so.1) found, or null. */
  loader: string | null;
  /** Installable client driver manifests found in the standard directories (full paths). */
  icdFiles: string[];
  /** VK_DRIVER_FILES / VK_ICD_FILENAMES when set: they replace the standard directories. */
  icdOverride: string | null;
  /** `api_version` of the lavapipe manifest (lvp_icd*.json), e.g. "1.1.230" for Mesa 22.3, "1.4.305" for Mesa 25.0. */
  lavapipeApiVersion: string | null;
  platform: NodeJS.Platform;
}

const LOADER_DIRS = [
  "/usr/lib/x86_64-linux-gnu",
  "/usr/lib/aarch64-linux-gnu",
  "/usr/lib64",
  "/usr/lib",
  "/lib/x86_64-linux-gnu",
  "/lib/aarch64-linux-gnu",
  "/usr/local/lib",
];
const ICD_DIRS = ["/usr/share/vulkan/icd.d", "/etc/vulkan/icd.d", "/usr/local/share/vulkan/icd.d"];

/** Debian 12's own Mesa (22.3) has a lavapipe that Dawn rejects; bookworm-backports' 25.x works. */
export const LAVAPIPE_INSTALL_DEBIAN12 = [
  "echo 'deb http://deb.debian.org/debian bookworm-backports main' | sudo tee /etc/apt/sources.list.d/bookworm-backports.list",
  "sudo apt-get update",
  "sudo apt-get install -y -t bookworm-backports mesa-vulkan-drivers libvulkan1",
] as const;

export function diagnoseVulkan(env: NodeJS.ProcessEnv = process.env): VulkanDiagnosis {
  const loader = LOADER_DIRS.map((dir) => join(dir, "libvulkan.so.1")).find((path) => existsSync(path)) ?? null;
  const icdFiles = ICD_DIRS.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => name.endsWith(".json"))
        .map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
  const icdOverride = env["VK_DRIVER_FILES"] ?? env["VK_ICD_FILENAMES"] ?? null;
  const lavapipe = icdFiles.find((path) => basename(path).startsWith("lvp_icd"));
  return {
    loader,
    icdFiles,
    icdOverride,
    lavapipeApiVersion: lavapipe === undefined ? null : readApiVersion(lavapipe),
    platform: process.platform,
  };
}

function readApiVersion(manifest: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { ICD?: { api_version?: unknown } };
    return typeof parsed.ICD?.api_version === "string" ? parsed.ICD.api_version : null;
  } catch {
    return null;
  }
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Dawn needs Vulkan 1.1 plus features Mesa 22.3's lavapipe lacks ("shaderUniform*ArrayDynamicIndexing required"). */
function lavapipeTooOld(apiVersion: string | null): boolean {
  if (apiVersion === null) return false;
  const [major = 0, minor = 0] = apiVersion.split(".").map(Number);
  return major < 1 || (major === 1 && minor < 3);
}

/** The message for "Dawn found no adapter": what was found, and the packages that fix it. */
export function noAdapterMessage(diagnosis: VulkanDiagnosis): string {
  const lines = ["WebGPU: Dawn found no GPU adapter, so the webgpu backend cannot run."];
  if (diagnosis.platform !== "linux") {
    lines.push(`Platform ${diagnosis.platform}: Dawn needs a Metal (macOS) or D3D12/Vulkan (Windows) capable GPU.`);
    return lines.join("\n");
  }
  lines.push(`Vulkan loader (libvulkan.so.1): ${diagnosis.loader ?? "missing — install libvulkan1"}.`);
  const names = diagnosis.icdFiles.map(basename);
  lines.push(`Vulkan driver manifests (icd.d): ${names.length > 0 ? names.join(", ") : "none — no Vulkan driver installed"}.`);
  if (diagnosis.icdOverride !== null) {
    // The override replaces the icd.d directories, so what is installed there does not count.
    lines.push(
      `Vulkan drivers restricted by VK_DRIVER_FILES/VK_ICD_FILENAMES=${diagnosis.icdOverride}; unset it to use the drivers above.`,
    );
  } else if (lavapipeTooOld(diagnosis.lavapipeApiVersion)) {
    lines.push(
      `lavapipe is installed but too old for Dawn (Vulkan ${diagnosis.lavapipeApiVersion}, Mesa < 23, e.g. Debian 12's stock 22.3): install Mesa >= 23.`,
    );
  } else if (names.some((name) => name.startsWith("lvp_icd"))) {
    lines.push("lavapipe is installed but gave no adapter: check it with vulkaninfo --summary.");
  }
  lines.push(
    "Without a GPU, install Mesa's lavapipe (Vulkan on the CPU), Mesa >= 23:",
    "  Debian 12 (bookworm), from this repository: sudo bash scripts/install-lavapipe.sh",
    "  or by hand:",
    ...LAVAPIPE_INSTALL_DEBIAN12.map((command) => `    ${command}`),
    "  Ubuntu 24.04 / Debian 13: sudo apt-get install -y mesa-vulkan-drivers libvulkan1",
    "With an NVIDIA GPU: the driver's Vulkan ICD (nvidia_icd.json: Ubuntu libnvidia-gl-<version>, Debian nvidia-vulkan-icd) and libvulkan1.",
    "Check with: vulkaninfo --summary (package vulkan-tools).",
  );
  return lines.join("\n");
}
