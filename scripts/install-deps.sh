#!/usr/bin/env bash
# npm dependencies, installed with `npm ci` only when package-lock.json changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.faaslab-lock-sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[setup] npm dependencies: up to date"
  exit 0
fi
echo "[setup] npm dependencies: installing with npm ci (first time: a few minutes; better-sqlite3 compiles)…"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
