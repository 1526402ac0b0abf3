#!/bin/sh
# Install the "dependencies" that <dir>/package.json lists into <dir>/node_modules.
# A package.json without dependencies is skipped without touching the network, so the default
# template builds offline and its layer is cached. Packages come from the workshop's registry
# (build arg NPM_REGISTRY); npm reports a package that is not there ("404 Not Found").
set -eu
dir=$1
mkdir -p "$dir/node_modules"

deps=$(node -e '
  const file = process.argv[1];
  let pkg;
  try { pkg = JSON.parse(require("fs").readFileSync(file, "utf8")); }
  catch (e) { console.error(`${file} is not valid JSON: ${e.message}`); process.exit(2); }
  console.log(Object.keys((pkg && pkg.dependencies) || {}).join(" "));
' "$dir/package.json")

if [ -z "$deps" ]; then
  echo "$dir/package.json lists no dependencies: nothing to install."
  exit 0
fi
if [ -z "${NPM_REGISTRY:-}" ]; then
  echo "Cannot install $deps: no npm registry is configured for this workshop (NPM_REGISTRY is empty)." >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  # The platform's node image has Debian's nodejs without npm: fetch Debian's npm (about a
  # minute, and again whenever package.json changes, until the platform ships an npm image).
  echo "Installing Debian's npm (the node image has none)..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
echo "Installing $deps from $NPM_REGISTRY"
cd "$dir"
npm install --omit=dev --no-audit --no-fund --no-package-lock --no-update-notifier \
  --registry "$NPM_REGISTRY" --cache /tmp/npm-cache
rm -rf /tmp/npm-cache
