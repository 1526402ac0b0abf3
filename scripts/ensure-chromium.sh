#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then echo "[setup] chromium: installed"; exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[setup] ERROR: the browser tests need Debian's chromium at /usr/bin/chromium; install it (apt-get install chromium) and run again." >&2
  exit 1
fi
echo "[setup] chromium: installing Debian's package (about a minute)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
