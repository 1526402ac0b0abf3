#!/usr/bin/env bash
# apt-ensure.sh PROGRAM PACKAGE "WHAT IT IS FOR"
# Make sure PROGRAM exists, installing Debian's PACKAGE as root if it does not; otherwise say
# what to install and exit 1. Idempotent: a no-op when PROGRAM is there.
set -euo pipefail
program=$1 package=$2 purpose=$3
if command -v "$program" >/dev/null 2>&1 || [ -x "$program" ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[setup] ERROR: $purpose needs $program; install it (apt-get install $package) and run again." >&2
  exit 1
fi
echo "[setup] installing $package from Debian's packages ($purpose)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "$package" >/dev/null
