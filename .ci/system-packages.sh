#!/usr/bin/env bash
# Debian packages the tests need. Idempotent: installs only what is missing. Needs root (CI runs as root).
set -euo pipefail
needed=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if ((${#needed[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${needed[*]} (run as root, or install them yourself)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
