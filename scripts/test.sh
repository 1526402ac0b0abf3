#!/usr/bin/env bash
# `npm test`: the whole suite, with all the set-up a fresh machine needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/ensure-docker.sh
bash scripts/ensure-host-tools.sh
bash scripts/ensure-chromium.sh
npx tsx scripts/setup.ts
echo "[test] type check"; npx tsc --noEmit
echo "[test] unit";        npm run --silent test:unit
echo "[test] integration"; npm run --silent test:integration
bash scripts/build-if-needed.sh
echo "[test] e2e";         npm run --silent test:e2e
