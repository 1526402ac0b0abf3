import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import type { Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';

// The attacker's toolkit shared by the security suites: Python run in a sandbox's shell
// (python3 -), in a function (the python3 function `probe` runs whatever it is sent), in a
// build step or in any container a test makes.

export 
const PY = String.raw`
import ctypes, errno, json, os, platform, socket, stat, subprocess, sys, threading, time
import urllib.request, urllib.error

def why(e):
    if isinstance(e, socket.timeout): return "timeout"
    if isinstance(e, socket.gaierror): return "dns: %s" % e
    if isinstance(e, urllib.error.URLError) and not isinstance(e, urllib.error.HTTPError):
        return why(e.reason) if isinstance(e.reason, BaseException) else "error: %s" % e.reason
    if isinstance(e, OSError) and e.errno: return "%s: %s" % (errno.errorcode.get(e.errno, e.errno), e.strerror)
    return "%s: %s" % (type(e).__name__, e)

def tcp(host, port, timeout=3):
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
        return "connected"
    except Exception as e:
        return why(e)

_web = urllib.request.build_opener(urllib.request.ProxyHandler({}))
def http(url, headers=None, method="GET", data=None, timeout=3):
    try:
        body = data.encode() if isinstance(data, str) else data
        with _web.open(urllib.request.Request(url, data=body, headers=headers or {}, method=method), timeout=timeout) as r:
            return "http %d %s" % (r.status, r.read(300).decode("utf8", "replace"))
    except urllib.error.HTTPError as e:
        return "http %d %s" % (e.code, e.read(300).decode("utf8", "replace"))
    except Exception as e:
        return why(e)

def unix(path):
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(3)
    try:
        s.connect(path)
        return "connected"
    except Exception as e:
        return why(e)
    finally:
        s.close()

def resolve(name):
    try:
        return "resolved " + socket.gethostbyname(name)
    except Exception as e:
        return why(e)

def run(checks, limit=5):
    # One daemon thread per check: a lookup that never answers (getaddrinfo has no timeout; on an
    # internal network Docker's DNS cannot reach its upstream) must not hold the answer back.
    out = {}
    def one(k, v):
        out[k] = v[0](*v[1:])
    threads = [threading.Thread(target=one, args=(k, v), daemon=True) for k, v in checks.items()]
    for th in threads:
        th.start()
    deadline = time.time() + limit
    for th in threads:
        th.join(max(0, deadline - time.time()))
    return {k: out.get(k, "timeout (no answer within %d s)" % limit) for k in checks}

def attempt(f, *args):
    try:
        f(*args)
        return "ok"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))

def default_routes():
    with open("/proc/net/route") as f:
        return [l.split()[0] for l in f.read().splitlines()[1:] if l.split()[1] == "00000000"]

def proc_status():
    out = {}
    for line in open("/proc/self/status"):
        k, _, v = line.partition(":")
        out[k] = v.strip()
    return out

def cgroup(name):
    for d in ("/sys/fs/cgroup/pids", "/sys/fs/cgroup/memory", "/sys/fs/cgroup"):
        try:
            with open(os.path.join(d, name)) as f:
                return f.read().strip()
        except OSError:
            pass
    return None

def fill(path, limit_mb):
    written, err = 0, None
    chunk = b"\0" * (1 << 20)
    try:
        with open(path, "wb") as f:
            while written < limit_mb:
                f.write(chunk)
                f.flush()
                written += 1
    except OSError as e:
        err = errno.errorcode.get(e.errno, str(e.errno))
    finally:
        try:
            os.remove(path)
        except OSError:
            pass
    return {"mb": written, "error": err}

def fork_bomb(seconds):
    before = cgroup("pids.events")
    p = subprocess.Popen(["timeout", "-s", "KILL", str(seconds), "bash", "-c", ":(){ :|:& };:"],
                         start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, end = 0, time.time() + seconds - 0.5
    while time.time() < end:
        try:
            peak = max(peak, int(cgroup("pids.current")))
        except (TypeError, ValueError):
            pass
        time.sleep(0.1)
    p.wait()
    # timeout's one SIGKILL to the group misses processes that were forking: sweep until none is left.
    group, sweeps = p.pid, 0  # timeout leads its own session and group (start_new_session)
    while sweeps < 500:
        try:
            os.killpg(group, 9)
        except ProcessLookupError:
            break
        sweeps += 1
        time.sleep(0.05)
    return {"max": cgroup("pids.max"), "peak": peak, "events_before": before, "events_after": cgroup("pids.events"), "sweeps": sweeps}

def privileged():
    libc = ctypes.CDLL(None, use_errno=True)
    nr = {"x86_64": {"init_module": 175, "finit_module": 313, "delete_module": 176, "bpf": 321},
          "aarch64": {"init_module": 105, "finit_module": 273, "delete_module": 106, "bpf": 280}}[platform.machine()]
    def sc(f, *args):
        ctypes.set_errno(0)
        return "ok" if f(*args) != -1 else errno.errorcode.get(ctypes.get_errno(), str(ctypes.get_errno()))
    os.makedirs("/tmp/probe-mnt", exist_ok=True)
    fd = os.open("/etc/hostname", os.O_RDONLY)
    out = {
        "mount tmpfs": sc(libc.mount, b"none", b"/tmp/probe-mnt", b"tmpfs", 0, None),
        "mount proc": sc(libc.mount, b"proc", b"/tmp/probe-mnt", b"proc", 0, None),
        "remount / read-write": sc(libc.mount, None, b"/", None, 32, None),
        "unshare user namespace": sc(libc.unshare, 0x10000000),
        "unshare mount namespace": sc(libc.unshare, 0x00020000),
        "unshare network namespace": sc(libc.unshare, 0x40000000),
        "init_module": sc(libc.syscall, nr["init_module"], None, 0, b""),
        "finit_module": sc(libc.syscall, nr["finit_module"], fd, b"", 0),
        "delete_module": sc(libc.syscall, nr["delete_module"], b"faaslab_no_such_module", 0),
        "bpf": sc(libc.syscall, nr["bpf"], 0, None, 0),
        "sethostname": attempt(socket.sethostname, "pwned"),
        "chroot": attempt(os.chroot, "/tmp"),
        "mknod block device": attempt(os.mknod, "/tmp/probe-sda", 0o600 | stat.S_IFBLK, os.makedev(8, 0)),
        "raw socket": attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP).close()),
    }
    if os.getuid() != 0:
        out["setuid 0"] = attempt(os.setuid, 0)
    os.close(fd)
    return out

def try_write(p):
    try:
        with open(p, "a"):
            pass
        return "ok"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))

def try_read(p):
    try:
        with open(p) as f:
            return "read: " + f.read(200)
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))

def hunt(filename, paths):
    found = []
    for root, dirs, files in os.walk("/"):
        if root == "/":
            dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]
        if filename in files:
            found.append(os.path.join(root, filename))
    comms = set()
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                comms.add(open("/proc/%s/comm" % p).read().strip())
            except OSError:
                pass
    return {"found": found, "direct": {p: try_read(p) for p in paths}, "mountinfo": open("/proc/self/mountinfo").read(), "processes": sorted(comms)}

def emit(obj):
    print(json.dumps(obj))
`;

export type Check = [fn: 'tcp' | 'http' | 'unix' | 'resolve', ...args: unknown[]];
/** Python that runs the checks in parallel and prints {label: outcome}. */
export const checks = (c: Record<string, Check>) =>
  `emit(run({${Object.entries(c).map(([k, [fn, ...args]]) => `${JSON.stringify(k)}: (${fn}, ${args.map((a) => JSON.stringify(a)).join(', ')})`).join(', ')}}))`;
/** The same, as a Python expression (the {label: outcome} dict) to build on. */
export const checksExpr = (c: Record<string, Check>) => checks(c).replace(/^emit\(|\)$/g, '');

export const lastJson = (text: string) => JSON.parse(text.trim().split('\n').filter(Boolean).at(-1) ?? 'null');

/** Run toolkit code in a sandbox's shell, as the participant's terminal would; its last JSON line. */
export async function inShell(engine: Docker, instance: string, sb: Sandbox, code: string): Promise<any> {
  const r = await execInShell(engine, instance, sb.id, 'timeout -s KILL 45 python3 -', { stdin: `${PY}\n${code}\n` });
  assert.equal(r.code, 0, `shell python failed (${r.code}): ${r.stderr}${r.stdout}`);
  return lastJson(r.stdout);
}

/** POST toolkit code to a function that runs what it is sent (`probe` by default). */
export async function callProbe(sb: Sandbox, code: string, fn = 'probe'): Promise<{ status: number; text: string }> {
  const r = await fetch(`${sb.gatewayUrl}/function/${fn}`, { method: 'POST', body: `${PY}\n${code}\n`, signal: AbortSignal.timeout(30_000) });
  return { status: r.status, text: await r.text() };
}

export async function inFunction(sb: Sandbox, code: string, fn = 'probe'): Promise<any> {
  const r = await callProbe(sb, code, fn);
  assert.equal(r.status, 200, `${fn} function: ${r.text}`);
  return lastJson(r.text);
}

/** An outcome that means the attacker got through (an answer, a name, or a route: a refusal proves a path exists). */
export const reached = (r: string) => r === 'connected' || r.startsWith('http ') || r.startsWith('resolved ') || r.startsWith('ECONNREFUSED');
/** `connectedOnly`: only an answer counts (a refusal from the sandbox network's own gateway address proves nothing). */
export function assertNoneReached(results: Record<string, string>, what: string, connectedOnly = false): void {
  const got = Object.entries(results).filter(([, r]) => (connectedOnly ? r === 'connected' || r.startsWith('http ') : reached(r)));
  assert.deepEqual(got, [], `${what}: the attacker got through:\n${JSON.stringify(results, null, 1)}`);
}
