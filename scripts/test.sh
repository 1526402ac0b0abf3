#!/usr/bin/env bash
# `npm test`: the whole suite, with all the set-up a fresh machine needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/ensure-docker.sh
# debootstrap is only needed when the base image must be made; setup.ts says so if it is missing then.
bash scripts/apt-ensure.sh /usr/sbin/debootstrap debootstrap "making the base image" || true
bash scripts/apt-ensure.sh /usr/sbin/ip iproute2 "the outside-world stand-in of test/integration/outside.test.ts (network namespaces)"
bash scripts/apt-ensure.sh /usr/bin/chromium chromium "the browser tests (Playwright cannot download its own browser here)"
npx tsx scripts/setup.ts
echo "[test] type check"; npx tsc --noEmit
echo "[test] unit";        npm run --silent test:unit
echo "[test] integration"; npm run --silent test:integration
bash scripts/build-if-needed.sh
echo "[test] e2e";         npm run --silent test:e2e
