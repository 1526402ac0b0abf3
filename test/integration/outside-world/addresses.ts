import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** A /30 for the outside world: the host's end of the veth and the world's. */
export type Slash30 = { network: string; host: string; world: string };

/**
 * The documentation ranges (RFC 5737) the stand-in may take a /30 from. Machines here do use
 * some of these addresses themselves (a package mirror at 203.0.113.80 was seen), so only a
 * /30 with no address in use and no route of its own is taken, and only for the test's length.
 */
const RANGES = ['198.51.100.0', '203.0.113.0'];

const toInt = (a: string) => a.split('.').reduce((n, p) => n * 256 + Number(p), 0);
const toAddr = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** A route's destination as [first, last] address. */
function span(dst: string): [number, number] | null {
  const m = dst.match(/^(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?$/);
  if (!m) return null;
  const bits = Number(m[2] ?? 32);
  const size = 2 ** (32 - bits);
  const first = Math.floor(toInt(m[1]) / size) * size;
  return [first, first + size - 1];
}

/** Addresses and routes this machine already uses (its interfaces, routes, resolvers, hosts file). */
export function usedAddresses(): { addresses: string[]; routes: string[] } {
  const addresses = Object.values(os.networkInterfaces()).flat().filter((i) => i?.family === 'IPv4').map((i) => i!.address);
  const text = (f: string) => { try { return fs.readFileSync(f, 'utf8'); } catch { return ''; } };
  for (const m of `${text('/etc/resolv.conf')}\n${text('/etc/hosts')}`.matchAll(/\b(\d+\.\d+\.\d+\.\d+)\b/g)) addresses.push(m[1]);
  let routes: string[] = [];
  try {
    routes = (JSON.parse(execFileSync('ip', ['-j', '-4', 'route', 'show', 'table', 'all'], { encoding: 'utf8' })) as { dst: string }[])
      .map((r) => r.dst).filter((d) => d && d !== 'default');
  } catch { /* no iproute2: the namespace step says so */ }
  return { addresses, routes };
}

/** A free /30 from the documentation ranges, 198.51.100.0/24 first. */
export function pickSubnet(used: { addresses: string[]; routes: string[] }, random = Math.random): Slash30 {
  const taken = used.addresses.map(toInt);
  const spans = used.routes.map(span).filter((s): s is [number, number] => s !== null);
  const free: number[] = [];
  // The first range with room, at random within it (two suites at once get two worlds).
  for (const base of RANGES.map(toInt)) {
    for (let n = base; n < base + 256; n += 4) {
      const clash = taken.some((a) => a >= n && a <= n + 3) || spans.some(([a, b]) => a <= n + 3 && b >= n);
      if (!clash) free.push(n);
    }
    if (free.length > 0) break;
  }
  if (free.length === 0) throw new Error(`no free /30 in ${RANGES.map((r) => `${r}/24`).join(' or ')} for the outside world: this machine uses them all`);
  const n = free[Math.floor(random() * free.length)];
  return { network: `${toAddr(n)}/30`, host: toAddr(n + 1), world: toAddr(n + 2) };
}

/**
 * How many of the mounts stacked on /etc/resolv.conf, from the top, belong to worlds of
 * processes that are gone (their source lies in a folder named <prefix><pid>-…).
 */
export function staleResolvMounts(mountinfo: string, prefix: string, alive: (pid: number) => boolean): number {
  const roots = mountinfo.split('\n').map((l) => l.split(' ')).filter((f) => f[4] === '/etc/resolv.conf').map((f) => f[3]);
  let stale = 0;
  for (const root of roots.reverse()) {
    const m = root.match(new RegExp(`${prefix}(\\d+)-`));
    if (!m || alive(Number(m[1]))) break;
    stale++;
  }
  return stale;
}
