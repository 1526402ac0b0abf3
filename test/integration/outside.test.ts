import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildFunction } from '../../lib/builder/build-function';
import { ownedLabels } from '../../lib/docker/labels';
import { names } from '../../lib/docker/names';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participantWorkspace } from '../../lib/workspace/participant';
import { assertNoneReached, checksExpr, inFunction, inShell, lastJson, PY, type Check } from './attack-kit';
import { deployFunction, gatewayAuth, participant, removeTestInstance, testContext } from './helpers';
import { startOutsideWorld, type Hit, type OutsideWorld } from './outside-world/world';

// Issue 16: a sandbox cannot reach the internet, shown against a stand-in for it on this machine
// (outside-world/world.ts): a network namespace with an address from a documentation range,
// routed through the host, whose HTTP, TCP and DNS listeners record every hit. Every check has a
// control that proves it can succeed — a plain container made here reaches the stand-in by
// address and by name — so a sandbox that does not reach it is isolated, not merely offline.
//
// DNS: while the world is up, its resolver is the host's only resolver (a bind mount over
// /etc/resolv.conf), and it answers every name. Docker copies that file into each container it
// makes and gives it to its embedded DNS (127.0.0.11) as the upstream for names it does not
// know itself; the sandbox below is made after the world came up, so a query that leaves any of
// its containers, or the engine (pulling an image), can only go to the stand-in and is in its
// log. An empty log for the sandbox's names (each carries a marker) therefore means no query left.

let ctx: Awaited<ReturnType<typeof testContext>>;
let world: OutsideWorld;
let A: Sandbox;
const pid = participant();
const nonce = randomBytes(3).toString('hex');
const tag = (who: string) => `${who}-${nonce}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What an attacker tries: the stand-in by address (HTTP, TCP 443 and 53) and by name, marked with `who`. */
function outsideTargets(who: string): Record<string, Check> {
  const m = tag(who);
  return {
    [`tcp ${world.address}:443`]: ['tcp', world.address, 443],
    [`tcp ${world.address}:53`]: ['tcp', world.address, 53],
    [`http://${world.address}/`]: ['http', `http://${world.address}/${m}`],
    [`http://${m}.example.com/`]: ['http', `http://${m}.example.com/${m}`],
    [`dns ${m}.pypi.org`]: ['resolve', `${m}.pypi.org`],
    'dns pypi.org': ['resolve', 'pypi.org'],
  };
}

/** Whose these hits are: anything carrying `who`'s marker, any connection at all, any query for pypi.org. */
const fromProbe = (who: string) => (h: Hit) => JSON.stringify(h).includes(tag(who)) || h.kind !== 'dns' || h.name === 'pypi.org';

/** After a probe from inside the platform: the outside world saw nothing of it (late packets given a second). */
async function assertUntouched(who: string, mark: number): Promise<void> {
  await sleep(1000);
  const seen = world.since(mark).filter(fromProbe(who));
  assert.deepEqual(seen, [], `${who}: the outside world was reached:\n${JSON.stringify(seen, null, 1)}`);
}

/** Toolkit code in a new container of the platform's python image on `network`; its last JSON line. */
async function inContainer(network: string, code: string): Promise<any> {
  const c = await ctx.engine.createContainer({
    Image: ctx.images.python, Cmd: ['timeout', '-s', 'KILL', '40', 'python3', '-c', `${PY}\n${code}\n`], Labels: ownedLabels(ctx.prefix, 'probe'),
    HostConfig: { NetworkMode: network }, Tty: true, // a TTY: one plain output stream
  });
  try {
    await c.start();
    await c.wait();
    const out: unknown = await c.logs({ stdout: true, stderr: true });
    // dockerode hands back an answer that is one JSON document already parsed
    return Buffer.isBuffer(out) ? lastJson(out.toString('utf8').replace(/\r/g, '')) : out;
  } finally {
    await c.remove({ force: true });
  }
}

/** The outcomes a control must see: connections made, pages served, names answered with the stand-in's address. */
function assertAllReached(r: Record<string, string>, who: string): void {
  const m = tag(who);
  assert.deepEqual(r, {
    [`tcp ${world.address}:443`]: 'connected',
    [`tcp ${world.address}:53`]: 'connected',
    [`http://${world.address}/`]: `http 200 the outside world answers /${m}\n`,
    [`http://${m}.example.com/`]: `http 200 the outside world answers /${m}\n`,
    [`dns ${m}.pypi.org`]: `resolved ${world.address}`,
    'dns pypi.org': `resolved ${world.address}`,
  }, `${who}: the control must reach the outside world`);
}

/** A Docker Swarm task container of one of A's services. */
async function taskContainer(service: string) {
  const [c] = await ctx.engine.listContainers({ filters: { label: [`com.docker.swarm.service.name=${service}`], status: ['running'] } });
  assert.ok(c, `${service} runs`);
  return ctx.engine.getContainer(c.Id);
}

/** Run `node -e script` in a container (as the test, with the engine's own exec) and return its output. */
async function nodeIn(container: Awaited<ReturnType<typeof taskContainer>>, script: string): Promise<string> {
  const exec = await container.exec({ Cmd: ['node', '-e', script], AttachStdout: true, AttachStderr: true, Tty: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await new Promise((r) => stream.on('end', r));
  return Buffer.concat(chunks).toString('utf8').replace(/\r/g, '');
}

/** A custom Dockerfile function with its own CMD (no watchdog): a Python server that runs what it is sent. */
const RAW_SERVER = String.raw`
import contextlib, io
from http.server import BaseHTTPRequestHandler, HTTPServer

class Handler(BaseHTTPRequestHandler):
    def answer(self, body):
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        self.answer(b"raw probe ready\n")
    def do_POST(self):
        code = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "attack", "exec"), {"__name__": "attack"})
        self.answer(out.getvalue().encode())

HTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
`;

before(async () => {
  ctx = await testContext();
  // First the world (so the host's resolver is the stand-in's), then everything it must not see.
  world = await startOutsideWorld();
  A = await ensureSandbox(ctx, pid);
  await deployFunction(ctx, A, pid, 'probe', { 'handler.py': 'def handle(req):\n    exec(compile(req, "attack", "exec"), {"__name__": "attack"})\n' });
  await deployFunction(ctx, A, pid, 'rawprobe', {
    Dockerfile: 'ARG PYTHON_IMAGE\nFROM ${PYTHON_IMAGE}\nCOPY server.py /server.py\nUSER 10001\nCMD ["python3", "/server.py"]\n',
    'server.py': RAW_SERVER,
  }, 'dockerfile');
});

after(async () => {
  try {
    if (ctx) await removeTestInstance(ctx, [pid]);
  } finally {
    await world?.stop();
  }
});

test("control: a plain container on Docker's default bridge reaches the outside world by address and by name", async () => {
  const mark = world.hits.length;
  assertAllReached(await inContainer('bridge', `emit(${checksExpr(outsideTargets('control'))})`), 'control');
  const hits = world.since(mark).filter(fromProbe('control'));
  const seen = (pred: (h: Hit) => boolean) => hits.some(pred);
  assert.ok(seen((h) => h.kind === 'http' && h.path === `/${tag('control')}` && h.host === world.address), 'the HTTP listener saw the call by address');
  assert.ok(seen((h) => h.kind === 'http' && h.host === `${tag('control')}.example.com`), 'the HTTP listener saw the call by name');
  assert.ok(seen((h) => h.kind === 'tcp' && h.port === 443) && seen((h) => h.kind === 'tcp' && h.port === 53), 'the TCP listeners saw both connections');
  assert.ok(seen((h) => h.kind === 'dns' && h.name === `${tag('control')}.pypi.org`), 'the resolver saw the question');
});

test("control: Docker's embedded DNS (what every sandbox container asks) forwards names it does not know to the outside world's resolver", async () => {
  const net = await ctx.engine.createNetwork({ Name: `${ctx.prefix}-probe-bridge`, Driver: 'bridge', Labels: ownedLabels(ctx.prefix, 'probe') });
  try {
    const mark = world.hits.length;
    const r = await inContainer(net.id, `emit(${checksExpr({ resolv: ['resolve', `${tag('embedded')}.pypi.org`] })})`);
    assert.deepEqual(r, { resolv: `resolved ${world.address}` });
    assert.ok(world.since(mark).some((h) => h.kind === 'dns' && h.name === `${tag('embedded')}.pypi.org`), "the stand-in's resolver is Docker's upstream");
  } finally {
    await net.remove();
  }
});

/** Runs the probe in a sandbox container as `who`: no default route, no target reached, nothing at the stand-in. */
async function assertSealed(who: string, where: string, run: (code: string) => Promise<Record<string, string>>): Promise<void> {
  const mark = world.hits.length;
  const r = await run(`r = ${checksExpr(outsideTargets(who))}\nr["default routes"] = default_routes()\nemit(r)`);
  assert.deepEqual(r['default routes'], [], `no default route in ${where}`);
  delete r['default routes'];
  assertNoneReached(r, `the outside world from ${where}`);
  await assertUntouched(who, mark);
}

test('shell: no default route; the outside world is not reached by address or by name, and no DNS query leaves', async () => {
  await assertSealed('shell', 'the shell', (code) => inShell(ctx.engine, ctx.prefix, A, code));
});

test('function: no default route; the outside world is not reached by address or by name, and no DNS query leaves', async () => {
  await assertSealed('function', 'a function', (code) => inFunction(A, code));
});

test('custom Dockerfile function with its own CMD (no watchdog): the outside world is not reached, no DNS query leaves', async () => {
  await assertSealed('dockerfile', 'a custom Dockerfile function', (code) => inFunction(A, code, 'rawprobe'));
});

test('build: a RUN step does not reach the outside world, by address or by name', async () => {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  ws.write('outbound-build/probe.py', `${PY}\nprint("PROBE-RESULT " + json.dumps(${checksExpr(outsideTargets('build'))}))\n`);
  ws.write('outbound-build/Dockerfile', 'ARG PYTHON_IMAGE\nFROM ${PYTHON_IMAGE}\nCOPY probe.py /probe.py\nRUN python3 /probe.py\n');
  const mark = world.hits.length;
  const lines: string[] = [];
  await buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: A.id, fn: 'outbound-build', lang: 'dockerfile', handlerDir: ws.dir('outbound-build'), images: ctx.images, noCache: true, isolation: ctx.cfg.FAASLAB_BUILD_ISOLATION }, (l) => lines.push(l));
  const line = lines.find((l) => l.startsWith('PROBE-RESULT '));
  assert.ok(line, `the probe ran in the build:\n${lines.join('\n').slice(-2000)}`);
  assertNoneReached(JSON.parse(line.slice('PROBE-RESULT '.length)), 'the outside world from a build step');
  await assertUntouched('build', mark);
});

test("images: a build FROM a registry and a deploy of a registry's image are refused before the engine asks anyone", async () => {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  const registry = `${tag('registry')}.example.com`;
  ws.write('from-registry/Dockerfile', `FROM ${registry}/evil:1\nRUN true\n`);
  const mark = world.hits.length;
  await assert.rejects(
    buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: A.id, fn: 'from-registry', lang: 'dockerfile', handlerDir: ws.dir('from-registry'), images: ctx.images }, () => {}),
    (err: Error) => err.message.includes(`${registry}/evil:1`),
  );
  const res = await fetch(`${A.gatewayUrl}/system/functions`, { method: 'POST', headers: { ...gatewayAuth(A), 'Content-Type': 'application/json' }, body: JSON.stringify({ service: 'pulled', image: `${registry}/evil:1` }) });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Images cannot be pulled here/);
  await assertUntouched('registry', mark);
});

test("gateway: it has a route out (control), yet no name a participant gives it is looked up outside, nor any callback sent there", async () => {
  const gateway = await taskContainer(names.gatewayService(ctx.prefix, A.id));
  // Control: from the gateway's own network namespace the outside world answers by address.
  let mark = world.hits.length;
  const direct = await nodeIn(gateway, `fetch("http://${world.address}/${tag('gateway-control')}").then(r => r.text()).then(t => console.log(t.trim()), e => console.log("failed", e.cause?.code ?? e.message))`);
  assert.equal(direct.trim(), `the outside world answers /${tag('gateway-control')}`, 'the gateway reaches the stand-in by address');
  assert.ok(world.since(mark).some((h) => h.kind === 'http' && h.path === `/${tag('gateway-control')}`));

  // Its DNS has no upstream (GATEWAY_DNS): names Docker does not know get no answer and stay here.
  mark = world.hits.length;
  const lookup = await nodeIn(gateway, `require("dns").promises.lookup("${tag('gateway-dns')}.example.com").then(a => console.log("resolved", a.address), e => console.log("no answer", e.code))`);
  assert.match(lookup.trim(), /^no answer /);

  // What a participant can make it do: a function by an unknown name, callbacks to the stand-in.
  const fn = await execInShell(ctx.engine, ctx.prefix, A.id, `curl -s -o /dev/null -w '%{http_code}' --max-time 10 http://gateway:8080/function/${tag('gateway-fn')}`);
  assert.equal(fn.stdout, '404');
  for (const url of [`http://${tag('gateway-cb')}.example.com/cb`, `http://${world.address}/${tag('gateway-cb')}`]) {
    const r = await fetch(`${A.gatewayUrl}/async-function/probe`, { method: 'POST', body: 'emit("async")', headers: { 'X-Callback-Url': url } });
    assert.equal(r.status, 202, `async call with callback ${url}`);
  }
  await sleep(8000); // the callbacks would have been tried (three attempts, 1 s and 2 s apart)
  const seen = world.since(mark).filter((h) => JSON.stringify(h).includes(nonce) || h.kind !== 'dns');
  assert.deepEqual(seen, [], `the gateway reached the outside world for a participant:\n${JSON.stringify(seen, null, 1)}`);
});

test('faas-cli: a stack file from an outside URL is refused clearly, and nothing reaches the outside world', async () => {
  const mark = world.hits.length;
  for (const url of [`http://${world.address}/${tag('cli')}/stack.yml`, `http://${tag('cli')}.example.com/stack.yml`]) {
    const r = await execInShell(ctx.engine, ctx.prefix, A.id, `faas-cli deploy -f ${url}`);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, new RegExp(`^Error: cannot fetch the stack file ${url.replace(/[.?/]/g, '\\$&')}: .*\\nThis sandbox has no internet: -f only reaches URLs inside it`));
  }
  await assertUntouched('cli', mark);
});
