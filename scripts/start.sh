#!/usr/bin/env bash
# `npm start`: everything a fresh machine needs, then the platform on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/ensure-docker.sh
# debootstrap is only needed when the base image must be made; setup.ts says so if it is missing then.
bash scripts/apt-ensure.sh /usr/sbin/debootstrap debootstrap "making the base image" || true
npx tsx scripts/setup.ts
bash scripts/build-if-needed.sh
NODE_ENV=production exec npx tsx server.ts
