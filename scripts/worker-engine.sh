#!/usr/bin/env bash
# A second Docker engine on this machine, in a network namespace of its own, to stand in for a
# Swarm worker node in tests and benches (no Docker-in-Docker here: privileged containers do not
# work). See docs/scale-out.md for what was verified and why each step is the way it is.
#
#   scripts/worker-engine.sh up N       start engine N (1–9): netns faaslab-wN, host 10.213.N.1,
#                                       engine 10.213.N.2, socket /run/faaslab-wN/docker.sock
#   scripts/worker-engine.sh down N     leave any Swarm, stop it, remove its namespace and data
#   scripts/worker-engine.sh status N   "running <socket>" or "stopped"
#
# Joining a Swarm is the caller's (docker -H unix://<socket> swarm join …): the manager must
# advertise an address this namespace can reach, not 127.0.0.1 (docs/scale-out.md).
set -euo pipefail

cmd=${1:-}
n=${2:-}
if [[ ! "$cmd" =~ ^(up|down|status)$ || ! "$n" =~ ^[1-9]$ ]]; then
  echo "usage: $0 up|down|status N   (N: 1 to 9)" >&2
  exit 2
fi
ns=faaslab-w$n
host_if=flw$n-h
ns_if=flw$n-n
host_ip=10.213.$n.1
ns_ip=10.213.$n.2
run=/run/faaslab-w$n
data=/var/lib/faaslab-w$n
sock=$run/docker.sock
engine() { docker -H "unix://$sock" "$@"; }
running() { [ -S "$sock" ] && engine info >/dev/null 2>&1; }

case $cmd in
status)
  if running; then echo "running $sock"; else echo stopped; fi
  ;;
up)
  if running; then echo "$sock"; exit 0; fi
  [ "$(id -u)" = 0 ] || { echo "[worker] ERROR: needs root (network namespaces, a second dockerd)." >&2; exit 1; }
  command -v dockerd >/dev/null || { echo "[worker] ERROR: no dockerd: run scripts/ensure-docker.sh first." >&2; exit 1; }
  ip netns list | grep -qw "$ns" || ip netns add "$ns"
  if ! ip link show "$host_if" >/dev/null 2>&1; then
    ip link add "$host_if" type veth peer name "$ns_if"
    ip link set "$ns_if" netns "$ns"
    ip addr add "$host_ip/30" dev "$host_if"
    ip link set "$host_if" up
    nsenter --net="/run/netns/$ns" sh -c "ip addr add $ns_ip/30 dev $ns_if && ip link set $ns_if up && ip link set lo up && ip route add default via $host_ip"
  fi
  # Docker's FORWARD policy is DROP: let worker namespaces reach each other through the host.
  iptables -C FORWARD -i 'flw+' -o 'flw+' -j ACCEPT 2>/dev/null || iptables -I FORWARD -i 'flw+' -o 'flw+' -j ACCEPT
  mkdir -p "$run" "$data"
  # nsenter --net, not `ip netns exec`: that one remounts /sys and loses the cgroup v1 mounts.
  # A hostname of its own (UTS namespace): the Swarm names the node after it.
  nsenter --net="/run/netns/$ns" unshare --uts --mount --propagation slave sh -c \
    "hostname $ns && exec dockerd --data-root '$data/docker' --exec-root '$run/exec' --pidfile '$run/docker.pid' -H 'unix://$sock' --storage-driver overlay2" \
    >"$run/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do running && break; sleep 0.5; done
  if ! running; then echo "[worker] ERROR: engine $n did not start; its log: $run/dockerd.log" >&2; tail -5 "$run/dockerd.log" >&2 || true; exit 1; fi
  echo "$sock"
  ;;
down)
  if running; then engine swarm leave --force >/dev/null 2>&1 || true; fi
  if [ -f "$run/docker.pid" ]; then
    pid=$(cat "$run/docker.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  ip link del "$host_if" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  # Mounts the engine made live in its own mount namespace and went with it; lazily unmount any left.
  grep -o " $data[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$run" "$data"
  if ! ip link show | grep -q 'flw[1-9]-h'; then iptables -D FORWARD -i 'flw+' -o 'flw+' -j ACCEPT 2>/dev/null || true; fi
  echo stopped
  ;;
esac
