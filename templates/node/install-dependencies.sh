#!/bin/sh
# Install the "dependencies" that <dir>/package.json lists into <dir>/node_modules.
# A package.json without dependencies is skipped without touching the network, so the default
# template builds offline and its layer is cached. Packages come from the workshop's offline npm
# registry (build arg NPM_REGISTRY: the platform's package index, .../npm/ on the Docker bridge,
# filled at set-up with a fixed list of packages and all their dependencies); npm reports a
# package that is not there ("404 Not Found ... is not in this workshop's offline npm registry").
# The node image has Debian's nodejs but no npm: npm itself comes from that registry too
# (fetch-npm.js, ~1 s), lives in /tmp for this step only, and is removed with its cache, so the
# layer holds node_modules and nothing else.
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
if command -v npm >/dev/null 2>&1; then
  npm=npm
elif node "$(dirname "$0")/fetch-npm.js" "$NPM_REGISTRY" /tmp/npm; then
  npm="node /tmp/npm/bin/npm-cli.js"
else
  echo "Cannot install $deps: npm could not be fetched from the workshop's npm registry ($NPM_REGISTRY, see above)." >&2
  exit 1
fi
echo "Installing $deps from $NPM_REGISTRY"
cd "$dir"
$npm install --omit=dev --no-audit --no-fund --no-package-lock --no-update-notifier \
  --registry "$NPM_REGISTRY" --cache /tmp/npm-cache
rm -rf /tmp/npm-cache /tmp/npm
