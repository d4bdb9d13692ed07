#!/usr/bin/env bash
# Installs Mesa's lavapipe (a Vulkan driver that runs on the CPU) so the `webgpu` backend (Dawn via the
# `webgpu` npm package) has a Vulkan device on machines without a GPU.
# Debian 12's own Mesa (22.3) is too old for Dawn; bookworm-backports ships Mesa 25.x, which works. On other
# apt distributions the distribution's Mesa is used when it is new enough (>= MIN_MESA_MAJOR).
# Idempotent: does nothing when a new-enough lavapipe is already installed. Needs root or sudo.
# Bash, not zx like the repository's Node scripts: it runs before `pnpm install` (there is no node_modules,
# so no zx yet) and its work is apt-get and dpkg-query, which a shell runs directly.
set -euo pipefail

MIN_MESA_MAJOR=23
BACKPORTS_LIST=/etc/apt/sources.list.d/bookworm-backports.sources

installed_mesa_major() {
  local v
  v=$(dpkg-query -W -f='${Status} ${Version}\n' mesa-vulkan-drivers 2>/dev/null | awk '$3 == "installed" { print $4 }')
  [ -n "$v" ] || { echo 0; return; }
  # Versions look like 25.0.7-2~bpo12+1 (epochs like 1:... are not used by Debian's Mesa).
  echo "${v%%.*}"
}

if [ "$(installed_mesa_major)" -ge "$MIN_MESA_MAJOR" ] && dpkg-query -W -f='${Status}\n' libvulkan1 2>/dev/null | grep -q 'installed'; then
  echo "install-lavapipe: mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers) already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-lavapipe: needs root or sudo to install mesa-vulkan-drivers" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
if [ "$codename" != "bookworm" ]; then
  # Elsewhere (Ubuntu 24.04, Debian 13, ...) the distribution's own Mesa may be new enough: use it if so.
  command -v apt-get >/dev/null 2>&1 || { echo "install-lavapipe: no apt-get; install Mesa >= ${MIN_MESA_MAJOR} Vulkan drivers (lavapipe) and the Vulkan loader with your distribution's tools" >&2; exit 1; }
  "${SUDO[@]}" apt-get update -qq
  candidate=$(apt-cache policy mesa-vulkan-drivers | awk '/Candidate:/ { print $2 }')
  major=${candidate%%.*}
  major=${major#*:}
  if ! [ "${major:-0}" -ge "$MIN_MESA_MAJOR" ] 2>/dev/null; then
    echo "install-lavapipe: '${codename:-unknown}' offers mesa-vulkan-drivers '${candidate:-none}'; Dawn needs Mesa >= ${MIN_MESA_MAJOR}." >&2
    echo "  Install a newer Mesa (lavapipe) and libvulkan1 from a backports or PPA source, then run this again." >&2
    exit 1
  fi
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends mesa-vulkan-drivers libvulkan1
  echo "install-lavapipe: installed mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers) from ${codename:-unknown}"
  exit 0
fi

# Reuse the mirror the machine already uses for bookworm, so a local or proxied mirror keeps working.
mirror=$(grep -hsE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | awk '{ print $2 }' | grep -E '/debian/?$' | head -n 1 || true)
if [ -z "$mirror" ]; then
  mirror=$(grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' | grep -E '/debian/?$' | head -n 1 || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

if ! grep -rqsE 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "install-lavapipe: adding bookworm-backports from ${mirror} to ${BACKPORTS_LIST}"
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" \
    | "${SUDO[@]}" tee "$BACKPORTS_LIST" >/dev/null
fi

"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends -t bookworm-backports mesa-vulkan-drivers libvulkan1
echo "install-lavapipe: installed mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers)"
