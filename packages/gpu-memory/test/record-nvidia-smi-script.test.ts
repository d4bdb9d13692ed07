// scripts/record-nvidia-smi.sh records fixtures on a GPU runner. Run here against a fake nvidia-smi that
// answers only the exact arguments the parsers' own queries use, so a drift between the script and
// GPU_QUERY_ARGS / COMPUTE_APPS_ARGS fails, and the files it writes must parse completely once their
// header is stripped.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { COMPUTE_APPS_ARGS, GPU_QUERY_ARGS, parseComputeApps, parseGpuQuery } from "../src/index.js";
import { MIB, withoutRecordingHeader } from "./_fixtures.js";

const SCRIPT = fileURLToPath(new URL("../scripts/record-nvidia-smi.sh", import.meta.url));
const UUID = "GPU-00000000-1111-2222-3333-444444444444";

function fakeNvidiaSmi(dir: string): string {
  const gpuCsv = GPU_QUERY_ARGS.join(" ");
  const appsCsv = COMPUTE_APPS_ARGS.join(" ");
  const fake = join(dir, "nvidia-smi");
  writeFileSync(
    fake,
    `#!/bin/sh
case "$*" in
  "--query-gpu=name --format=csv,noheader") echo "NVIDIA H200" ;;
  "--query-gpu=driver_version --format=csv,noheader") echo "580.159.04" ;;
  "${gpuCsv}") echo "0, ${UUID}, NVIDIA H200, 143771, 3591, 580.159.04" ;;
  "${GPU_QUERY_ARGS[0]} --format=csv")
    echo "index, uuid, name, memory.total [MiB], memory.used [MiB], driver_version"
    echo "0, ${UUID}, NVIDIA H200, 143771 MiB, 3591 MiB, 580.159.04" ;;
  "${appsCsv}") echo "4242, ${UUID}, 3584" ;;
  "${COMPUTE_APPS_ARGS[0]} --format=csv")
    echo "pid, gpu_uuid, used_gpu_memory [MiB]"
    echo "4242, ${UUID}, 3584 MiB" ;;
  "-q -x") printf '<?xml version="1.0" ?>\\n<!DOCTYPE nvidia_smi_log SYSTEM "nvsmi_device_v12.dtd">\\n<nvidia_smi_log></nvidia_smi_log>\\n' ;;
  *) echo "fake nvidia-smi: unexpected arguments: $*" >&2; exit 2 ;;
esac
`,
  );
  chmodSync(fake, 0o755);
  return fake;
}

let dir: string | null = null;
afterEach(() => {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe("record-nvidia-smi.sh", () => {
  it("records the parsers' exact queries under a header naming command, GPU and driver", () => {
    dir = mkdtempSync(join(tmpdir(), "kmb-record-"));
    const out = join(dir, "out");
    execFileSync("bash", [SCRIPT, out, "a test holder"], { env: { ...process.env, NVIDIA_SMI: fakeNvidiaSmi(dir) } });
    const read = (name: string) => readFileSync(join(out, name), "utf8");

    const query = read("query-gpu.txt");
    expect(query.split("\n").slice(0, 3)).toEqual([
      `# command: nvidia-smi ${GPU_QUERY_ARGS.join(" ")}`,
      "# gpu: NVIDIA H200",
      "# driver: 580.159.04",
    ]);
    expect(query).toMatch(/^# recorded: \d{4}-\d\d-\d\dT[\d:]+Z \(a test holder\)$/m);

    const expectedGpu = {
      index: 0,
      uuid: UUID,
      name: "NVIDIA H200",
      memoryTotalBytes: 143771 * MIB,
      memoryUsedBytes: 3591 * MIB,
      driverVersion: "580.159.04",
    };
    for (const file of ["query-gpu.txt", "query-gpu-units.txt"]) {
      expect(parseGpuQuery(withoutRecordingHeader(read(file))), file).toEqual({ rows: [expectedGpu], unparsed: [] });
    }
    for (const file of ["compute-apps.txt", "compute-apps-units.txt"]) {
      expect(parseComputeApps(withoutRecordingHeader(read(file))), file).toEqual({
        rows: [{ pid: 4242, gpuUuid: UUID, usedBytes: 3584 * MIB }],
        unparsed: [],
      });
    }
    // The XML keeps its declaration first; the header is a comment after it.
    const xml = read("query-full.xml").split("\n");
    expect(xml[0]).toBe('<?xml version="1.0" ?>');
    expect(xml[1]).toMatch(/^<!-- command: nvidia-smi -q -x; gpu: NVIDIA H200; driver: 580\.159\.04; recorded: .* -->$/);
    expect(xml[2]).toMatch(/^<!DOCTYPE nvidia_smi_log/);
  });

  it("exits 2 naming the binary when there is no nvidia-smi", () => {
    dir = mkdtempSync(join(tmpdir(), "kmb-record-"));
    const run = spawnSync("bash", [SCRIPT, join(dir, "out")], {
      env: { ...process.env, NVIDIA_SMI: join(dir, "no-such-nvidia-smi") },
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no-such-nvidia-smi not found");
  });
});
