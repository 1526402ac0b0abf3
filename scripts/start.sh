#!/usr/bin/env bash
# `npm start`: everything a fresh machine needs, then the platform on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/ensure-docker.sh
bash scripts/ensure-host-tools.sh
npx tsx scripts/setup.ts
bash scripts/build-if-needed.sh
NODE_ENV=production exec npx tsx server.ts
