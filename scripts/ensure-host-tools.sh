#!/usr/bin/env bash
# Host tools the set-up uses: debootstrap (to make the base image when none exists).
set -euo pipefail
if command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[setup] note: debootstrap is not installed; it is only needed if the base image must be made here." >&2
  exit 0
fi
echo "[setup] installing debootstrap from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
