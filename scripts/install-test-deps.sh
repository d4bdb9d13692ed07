#!/usr/bin/env bash
# System packages the test suite needs on a fresh Debian 12 machine, installed from Debian's archive only:
# - Mesa lavapipe (Vulkan on the CPU) for the webgpu backend's tests (see install-lavapipe.sh);
# - Chromium for the dashboard's headless-browser tests.
# Idempotent: each step is skipped when already in place. Needs root or sudo.
# Bash, not zx: it runs before `pnpm install` (no node_modules, so no zx yet), on a machine that may not
# have Node at all, and it only calls apt-get and another shell script.
set -euo pipefail
cd "$(dirname "$0")"

bash ./install-lavapipe.sh

# KMB_CHROMIUM points the tests at another Chrome/Chromium (e.g. GitHub's Ubuntu runners ship Google Chrome,
# and Ubuntu's own chromium package is only a snap wrapper).
if [ -n "${KMB_CHROMIUM:-}" ]; then
  [ -x "$KMB_CHROMIUM" ] || { echo "install-test-deps: KMB_CHROMIUM=$KMB_CHROMIUM is not an executable" >&2; exit 1; }
elif [ ! -x /usr/bin/chromium ]; then
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" apt-get install -y --no-install-recommends chromium
fi
