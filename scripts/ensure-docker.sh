#!/usr/bin/env bash
# Make sure a Docker engine answers. Use the one running; else, as root on Debian/Ubuntu,
# install docker.io and start dockerd; else say what to install and exit non-zero.
# Idempotent: with an engine running this returns in well under a second.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
say() { printf '[setup] %s\n' "$*"; }
ping() { node "$here/docker-ping.mjs"; }

if ping; then say "Docker engine: running"; exit 0; fi

sock=${DOCKER_HOST:-unix:///var/run/docker.sock}
if [ "$sock" != "unix:///var/run/docker.sock" ]; then
  say "ERROR: DOCKER_HOST=$sock does not answer. Start that engine, or unset DOCKER_HOST to use the local one." >&2
  exit 1
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
[setup] ERROR: no Docker engine answers on /var/run/docker.sock, and this set-up can only install one
[setup]        as root on Debian/Ubuntu (apt-get). Nothing was changed.
[setup]        Install and start Docker Engine (https://docs.docker.com/engine/install/ or 'apt-get install docker.io'),
[setup]        make sure your user can reach /var/run/docker.sock, then run the command again.
MSG
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1; then
  say "Installing docker.io from Debian's packages (about 10 s)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi

say "Starting dockerd (log: /var/log/faaslab-dockerd.log)…"
# The package's postinst does not start the daemon on machines without an init system.
setsid -f dockerd >/var/log/faaslab-dockerd.log 2>&1 </dev/null
for _ in $(seq 1 240); do
  if ping; then say "Docker engine: started"; exit 0; fi
  sleep 0.25
done
say "ERROR: dockerd did not answer within 60 s; see /var/log/faaslab-dockerd.log" >&2
exit 1
