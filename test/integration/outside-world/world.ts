import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pickSubnet, staleResolvMounts, usedAddresses, type Slash30 } from './addresses';

/** One thing the outside world saw: an HTTP request, a TCP connection or a DNS question. */
export type Hit =
  | { kind: 'http'; from: string; port: 80; method: string; path: string; host: string; at: number }
  | { kind: 'tcp'; from: string; port: number; data: string; at: number }
  | { kind: 'dns'; from: string; name: string; type: string; at: number };

export type OutsideWorld = {
  /** The stand-in's address (from a documentation range, routed through the host). */
  address: string;
  /** A name for it; the resolver answers every name with `address`, so public names work too. */
  name: string;
  /** The host's end of the link. */
  hostAddress: string;
  /** Every hit so far, oldest first. */
  hits: Hit[];
  /** Hits after a mark taken with `hits.length`. */
  since(mark: number): Hit[];
  /** Wait until `pred` holds for a hit after `mark` (or `ms` pass); the hits after the mark. */
  waitFor(mark: number, pred: (h: Hit) => boolean, ms?: number): Promise<Hit[]>;
  stop(): Promise<void>;
};

const NS_PREFIX = 'faaslab-outside-';
const LISTENERS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'listeners.mjs');
export const RESOLV_CONF = '/etc/resolv.conf';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
const tryRun = (cmd: string, args: string[]) => { try { run(cmd, args); } catch { /* already gone */ } };
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/**
 * A stand-in for the internet, on this machine only (issue 16). A network namespace joined to
 * the host by a veth pair, with an address from a documentation range (a /30 that nothing on
 * this machine uses) routed through the host, runs an HTTP server, two TCP listeners and a DNS
 * resolver (listeners.mjs) that record every hit. While it is up, the host's /etc/resolv.conf
 * is this resolver alone (a bind mount over it): Docker copies it into every container made
 * meanwhile and makes it the upstream of its embedded DNS, so a query that leaves any of them
 * ends here, in the log, and nowhere else. Without a namespace (no root, no iproute2) it
 * throws, saying why: a check that cannot stand up its outside world must fail, not skip.
 */
export async function startOutsideWorld(): Promise<OutsideWorld> {
  if (process.getuid?.() !== 0) throw new Error('the outside world needs root (network namespaces, veth, a bind mount over /etc/resolv.conf); run the tests as root, as CI does');
  removeStaleWorlds();
  const ns = `${NS_PREFIX}${process.pid}`;
  const tag = randomBytes(3).toString('hex');
  const [hostIf, worldIf] = [`fo${tag}h`, `fo${tag}w`];
  const subnet: Slash30 = pickSubnet(usedAddresses());
  try {
    run('ip', ['netns', 'add', ns]);
  } catch (err) {
    throw new Error(`cannot make a network namespace for the outside world (ip netns add ${ns}): ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}. These checks need root and iproute2; they cannot run without it`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${NS_PREFIX}${process.pid}-`));
  let child: ChildProcess | undefined;
  let mounted = false;
  const stopSync = () => {
    if (mounted) tryRun('umount', [RESOLV_CONF]);
    mounted = false;
    child?.kill('SIGKILL');
    tryRun('ip', ['netns', 'del', ns]); // takes the veth pair with it
    tryRun('ip', ['link', 'del', hostIf]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  try {
    run('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', worldIf, 'netns', ns]);
    run('ip', ['addr', 'add', `${subnet.host}/30`, 'dev', hostIf]);
    run('ip', ['link', 'set', hostIf, 'up']);
    run('ip', ['-n', ns, 'addr', 'add', `${subnet.world}/30`, 'dev', worldIf]);
    run('ip', ['-n', ns, 'link', 'set', worldIf, 'up']);
    run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    run('ip', ['-n', ns, 'route', 'add', 'default', 'via', subnet.host]);
    if (fs.readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim() !== '1') throw new Error('the host does not forward IPv4 (net.ipv4.ip_forward is 0; Docker normally turns it on): containers could not reach the outside world even if allowed, so the controls would fail');

    const hits: Hit[] = [];
    const waiters = new Set<() => void>();
    child = spawn('ip', ['netns', 'exec', ns, process.execPath, LISTENERS, subnet.world], { stdio: ['pipe', 'pipe', 'pipe'], cwd: process.cwd() });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += d; });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the outside world's listeners did not start within 10 s: ${stderr}`)), 10_000);
      child!.once('exit', (code) => reject(new Error(`the outside world's listeners exited (${code}): ${stderr}`)));
      readline.createInterface({ input: child!.stdout! }).on('line', (line) => {
        const msg = JSON.parse(line);
        if (msg.ready) { clearTimeout(timer); resolve(); return; }
        hits.push(msg as Hit);
        for (const w of waiters) w();
      });
    });

    fs.writeFileSync(path.join(dir, 'resolv.conf'), `# the outside world of a FaaS Lab test (pid ${process.pid}); removed when it ends\nnameserver ${subnet.world}\n`);
    run('mount', ['--bind', path.join(dir, 'resolv.conf'), RESOLV_CONF]);
    mounted = true;

    return {
      address: subnet.world,
      name: 'outside.example',
      hostAddress: subnet.host,
      hits,
      since: (mark) => hits.slice(mark),
      waitFor: (mark, pred, ms = 5000) => new Promise((resolve) => {
        const check = () => {
          if (!hits.slice(mark).some(pred)) return;
          finish();
        };
        const finish = () => { clearTimeout(timer); waiters.delete(check); resolve(hits.slice(mark)); };
        const timer = setTimeout(finish, ms);
        waiters.add(check);
        check();
      }),
      stop: async () => {
        process.removeListener('exit', stopSync);
        child?.stdin?.end();
        stopSync();
      },
    };
  } catch (err) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw err;
  }
}

/** Worlds of test processes that died before tearing theirs down: their namespaces and resolv.conf mounts. */
function removeStaleWorlds(): void {
  const list = (() => { try { return run('ip', ['netns', 'list']); } catch { return ''; } })();
  for (const line of list.split('\n')) {
    const m = line.match(new RegExp(`^(${NS_PREFIX}(\\d+))\\b`));
    if (m && !alive(Number(m[2]))) tryRun('ip', ['netns', 'del', m[1]]);
  }
  const mountinfo = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  for (let i = 0; i < staleResolvMounts(mountinfo, NS_PREFIX, alive); i++) tryRun('umount', [RESOLV_CONF]);
}
