#!/usr/bin/env bash
# `next build`, only when the web app's sources changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(find app components lib proxy.ts next.config.mjs tsconfig.json package-lock.json -type f ! -name '*.test.ts' -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
stamp=.next/.faaslab-src-sha
if [ -f .next/BUILD_ID ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[setup] web app build: up to date"
  npx tsx scripts/precompress.ts
  exit 0
fi
echo "[setup] web app build: next build (about a minute)…"
NEXT_TELEMETRY_DISABLED=1 npx next build
npx tsx scripts/precompress.ts
echo "$want" > "$stamp"
