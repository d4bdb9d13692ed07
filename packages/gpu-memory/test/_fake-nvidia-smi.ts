// A fake `nvidia-smi` in a temp dir, put first on PATH, so the sampler's spawning is tested end to end.
// It answers the two queries from files in its directory: gpu.N.txt / apps.N.txt for the N-th GPU query
// (falling back to the highest N written), logs each call's start and end, and can be told to sleep or fail.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const SCRIPT = `#!/bin/sh
# Its own PATH for cat/sleep: the tests also run it with PATH emptied.
PATH=/usr/bin:/bin
dir=$(dirname "$0")
echo "start $1" >> "$dir/calls.log"
[ -f "$dir/sleep" ] && sleep "$(cat "$dir/sleep")"
if [ -f "$dir/fail" ]; then
  cat "$dir/fail"
  echo "end $1" >> "$dir/calls.log"
  exit 9
fi
case "$1" in
  --query-gpu=*)
    n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
    echo "$n" > "$dir/count"
    kind=gpu ;;
  --query-compute-apps=*)
    n=$(cat "$dir/count" 2>/dev/null || echo 1)
    kind=apps ;;
  *) echo "fake nvidia-smi: unexpected $*" >&2; exit 2 ;;
esac
while [ "$n" -gt 1 ] && [ ! -f "$dir/$kind.$n.txt" ]; do n=$((n - 1)); done
cat "$dir/$kind.$n.txt"
echo "end $1" >> "$dir/calls.log"
`;

export interface FakeNvidiaSmi {
  dir: string;
  /** Outputs for the n-th poll (1-based); later polls repeat the last one written. */
  answer(n: number, gpu: string, apps: string): void;
  sleepSeconds(seconds: number): void;
  /** Makes every call print `stdout` and exit 9, like nvidia-smi without a loaded driver. */
  fail(stdout: string): void;
  heal(): void;
  calls(): string[];
  restore(): void;
}

/** Installs the fake on PATH (first); `restore` puts PATH back and deletes the directory. */
export function installFakeNvidiaSmi(): FakeNvidiaSmi {
  const dir = mkdtempSync(join(tmpdir(), "kmb-fake-nvidia-smi-"));
  writeFileSync(join(dir, "nvidia-smi"), SCRIPT);
  chmodSync(join(dir, "nvidia-smi"), 0o755);
  const oldPath = process.env["PATH"];
  process.env["PATH"] = `${dir}${delimiter}${oldPath ?? ""}`;
  return {
    dir,
    answer: (n, gpu, apps) => {
      writeFileSync(join(dir, `gpu.${n}.txt`), gpu);
      writeFileSync(join(dir, `apps.${n}.txt`), apps);
    },
    sleepSeconds: (seconds) => writeFileSync(join(dir, "sleep"), String(seconds)),
    fail: (stdout) => writeFileSync(join(dir, "fail"), stdout),
    heal: () => rmSync(join(dir, "fail"), { force: true }),
    calls: () => {
      try {
        return readFileSync(join(dir, "calls.log"), "utf8")
          .split("\n")
          .filter((line) => line !== "");
      } catch {
        return [];
      }
    },
    restore: () => {
      process.env["PATH"] = oldPath;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PATH holding only an empty directory: no nvidia-smi anywhere, whatever this machine has installed. */
export function withoutNvidiaSmi(): { restore(): void } {
  const dir = mkdtempSync(join(tmpdir(), "kmb-no-nvidia-smi-"));
  const oldPath = process.env["PATH"];
  process.env["PATH"] = dir;
  return {
    restore: () => {
      process.env["PATH"] = oldPath;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
