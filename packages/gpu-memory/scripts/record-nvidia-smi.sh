#!/usr/bin/env bash
# Records the nvidia-smi outputs the parsers read, on a machine with an NVIDIA GPU, as test fixtures:
#   bash packages/gpu-memory/scripts/record-nvidia-smi.sh OUT_DIR [LABEL]
# Run it while a process holds GPU memory (otherwise the compute-apps files are empty, which is a valid
# fixture too). Each file is nvidia-smi's output verbatim under a few "# " header lines (the command, GPU
# model, driver, when); withoutRecordingHeader in test/_fixtures.ts strips that header. Bash, not Node: a GPU runner may have no Node.
# The query arguments below must stay those of src/parse-gpu-query.ts and src/parse-compute-apps.ts
# (test/record-nvidia-smi-script.test.ts checks it).
set -euo pipefail

out="${1:?usage: record-nvidia-smi.sh OUT_DIR [LABEL]}"
label="${2:-recorded}"
smi="${NVIDIA_SMI:-nvidia-smi}"
command -v "$smi" >/dev/null || {
  echo "record-nvidia-smi: $smi not found on PATH" >&2
  exit 2
}
mkdir -p "$out"

gpu_query=(--query-gpu=index,uuid,name,memory.total,memory.used,driver_version)
apps_query=(--query-compute-apps=pid,gpu_uuid,used_memory)
model="$("$smi" --query-gpu=name --format=csv,noheader | sort -u | paste -sd ';')"
driver="$("$smi" --query-gpu=driver_version --format=csv,noheader | sort -u | paste -sd ';')"
when="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# record FILE ARGS...: the header, then what nvidia-smi printed (stdout and stderr, as a caller sees them).
record() {
  local file="$out/$1"
  shift
  {
    echo "# command: nvidia-smi $*"
    echo "# gpu: $model"
    echo "# driver: $driver"
    echo "# recorded: $when ($label)"
    "$smi" "$@" 2>&1 || echo "# exit code: $?"
  } >"$file"
  echo "wrote $file"
}

record query-gpu.txt "${gpu_query[@]}" --format=csv,noheader,nounits
record query-gpu-units.txt "${gpu_query[@]}" --format=csv
record compute-apps.txt "${apps_query[@]}" --format=csv,noheader,nounits
record compute-apps-units.txt "${apps_query[@]}" --format=csv
# The full XML report once: the same moment in nvidia-smi's own structured output, so the tests can check
# that the CSV parsers agree with it. Its header is an XML comment after the declaration.
"$smi" -q -x | awk -v h="<!-- command: nvidia-smi -q -x; gpu: $model; driver: $driver; recorded: $when ($label) -->" \
  'NR == 1 { print; print h; next } { print }' >"$out/query-full.xml"
echo "wrote $out/query-full.xml"
