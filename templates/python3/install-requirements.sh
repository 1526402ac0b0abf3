#!/bin/sh
# Install the packages that the given requirements files list, into /home/app/python (on PYTHONPATH).
# A file that lists nothing (empty, blank lines, comments) is skipped without touching the network,
# so the default template builds offline and its layer is cached. Packages come from the
# workshop's package index (build arg PIP_INDEX_URL); without one pip is run with --no-index, so a
# missing package fails at once with pip's own "No matching distribution found for …".
set -eu
target=/home/app/python

lists_packages() {
  # any line that is neither blank nor a comment
  [ -f "$1" ] && grep -qvE '^[[:space:]]*(#.*)?$' "$1"
}

pip_install() {
  python3 -m pip install --no-cache-dir --disable-pip-version-check --root-user-action=ignore \
    --no-warn-script-location --progress-bar off --target="$target" "$@"
}

# One pip run for all files, so that a package both list is installed once into the target.
reqs=""
for req in "$@"; do
  if lists_packages "$req"; then reqs="$reqs -r $req"; else echo "$req lists no packages: nothing to install."; fi
done
[ -n "$reqs" ] || exit 0

if [ -n "${PIP_INDEX_URL:-}" ]; then
  # pip ignores a plain-http index unless its host is trusted; the workshop index is http
  host=$(printf '%s' "$PIP_INDEX_URL" | sed -E 's#^[A-Za-z][A-Za-z0-9+.-]*://([^/@]*@)?([^/:?]+).*#\2#')
  echo "Installing packages from $PIP_INDEX_URL"
  pip_install --index-url "$PIP_INDEX_URL" --trusted-host "$host" $reqs
else
  echo "No package index is configured (PIP_INDEX_URL is empty): pip runs with --no-index."
  pip_install --no-index $reqs
fi
