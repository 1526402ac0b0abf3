import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { names } from '../../lib/docker/names';
import { runningGatewayUrl } from '../../lib/sandbox/gateway';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { deployFunction, participant, removeTestInstance, testContext } from './helpers';

// /async-function through NATS JetStream, as Lab 3 would use it with a callback: the gateway
// answers 202 at once, a worker invokes the function later and POSTs the result to
// X-Callback-Url. Here the callback is another function of the sandbox, which keeps what it
// receives in /tmp and returns it on GET.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();

const RECEIVER = `import os

def handle(req):
    path = "/tmp/received"
    if os.environ.get("Http_Method") == "POST":
        with open(path, "a") as out:
            out.write("%s %s %s %s\\n" % (os.environ.get("Http_X_Call_Id"), os.environ.get("Http_X_Function_Name"),
                                          os.environ.get("Http_X_Function_Status"), req.strip()))
        return "stored"
    return open(path).read() if os.path.exists(path) else ""
`;
const SLEEPY = 'import time\n\ndef handle(req):\n    time.sleep(1.2)\n    return "slept on " + req\n';

const deploy = (fn: string, handler: string) => deployFunction(ctx, sb, pid, fn, { 'handler.py': handler });

const queue = (fn: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${sb.gatewayUrl}/async-function/${fn}`, { method: 'POST', body, headers: { 'X-Callback-Url': 'http://gateway:8080/function/receiver', ...headers } });

async function received(): Promise<string[]> {
  const r = await fetch(`${sb.gatewayUrl}/function/receiver`, { method: 'GET' });
  return (await r.text()).split('\n').filter(Boolean);
}

async function waitForCallbacks(ids: string[], timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = await received();
    if (ids.every((id) => lines.some((l) => l.startsWith(`${id} `)))) return lines;
    if (Date.now() > deadline) {
      const logs = execFileSync('docker', ['service', 'logs', '--raw', names.gatewayService(ctx.prefix, sb.id)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.fail(`callbacks missing after ${timeoutMs} ms; received:\n${lines.join('\n')}\ngateway logs:\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  await deploy('receiver', RECEIVER);
  await deploy('sleepy', SLEEPY);
});

after(() => removeTestInstance(ctx, [pid]));

test('an async call answers 202 with an X-Call-Id at once; the result reaches X-Callback-Url', async () => {
  const res = await queue('sleepy', 'the queue');
  assert.equal(res.status, 202, await res.text());
  const id = res.headers.get('x-call-id');
  assert.match(id ?? '', /^[0-9a-f-]{36}$/);
  assert.ok(!(await received()).some((l) => l.startsWith(`${id} `)), 'the 202 came before the result (the function sleeps 1.2 s)');
  const lines = await waitForCallbacks([id!], 20_000);
  assert.ok(lines.includes(`${id} sleepy 200 slept on the queue`), lines.join('\n'));
});

test('async calls are refused clearly: unknown function, wrong method, bad name, bad callback, body too big', async () => {
  const missing = await queue('nope', 'x');
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Function "nope" not found/);
  const get = await fetch(`${sb.gatewayUrl}/async-function/sleepy`);
  assert.equal(get.status, 405);
  assert.match(await get.text(), /Use POST/);
  const badName = await queue('Bad_Name', 'x');
  assert.equal(badName.status, 400);
  assert.match(await badName.text(), /lowercase letters/);
  const badCallback = await queue('sleepy', 'x', { 'X-Callback-Url': 'gateway:8080/function/receiver' });
  assert.equal(badCallback.status, 400);
  assert.match(await badCallback.text(), /not an absolute http\(s\) URL/);
  const huge = await queue('sleepy', 'x'.repeat(10 * 1024 * 1024 + 1));
  assert.equal(huge.status, 413);
});

/** The sandbox gateway's log so far (docker service logs). */
async function gatewayLog(): Promise<string> {
  const raw = await ctx.engine.getService(names.gatewayService(ctx.prefix, sb.id)).logs({ stdout: true, stderr: true, follow: false });
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
}

test('a callback may go straight to a function by name; one outside the sandbox is refused, and the gateway log says why', async () => {
  const direct = await queue('sleepy', 'direct', { 'X-Callback-Url': 'http://receiver:8080/' });
  assert.equal(direct.status, 202);
  const id = direct.headers.get('x-call-id')!;
  const lines = await waitForCallbacks([id], 20_000);
  assert.ok(lines.includes(`${id} sleepy 200 slept on direct`), lines.join('\n'));
  // `nats` is the platform's NATS on the control network (no function of that name here).
  const outside = await queue('sleepy', 'outside', { 'X-Callback-Url': 'http://nats:8222/varz' });
  assert.equal(outside.status, 202, 'refused by the worker, when it would call it, not when queued');
  const refused = outside.headers.get('x-call-id')!;
  const deadline = Date.now() + 20_000;
  let log = '';
  while (!log.includes(`call ${refused}`) || !log.includes('refused callback')) {
    assert.ok(Date.now() < deadline, `no refusal in the gateway log:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
    log = await gatewayLog();
  }
  const line = log.split('\n').find((l) => l.includes(`call ${refused}`) && l.includes('refused callback')) ?? '';
  assert.match(line, /async: refused callback to http:\/\/nats:8222\/varz for sleepy: nats resolves only outside this sandbox's network \(\d+\.\d+\.\d+\.\d+\/\d+\); callbacks may only go to your gateway and functions, e\.g\. http:\/\/gateway:8080\/function\/<name>/);
  assert.ok(!log.includes(`posted result of sleepy to http://nats:8222/varz`), 'NATS was never called');
});

test('work queued before a gateway restart is still done after it', async () => {
  const ids: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const res = await queue('sleepy', `job ${i}`);
    assert.equal(res.status, 202);
    ids.push(res.headers.get('x-call-id')!);
  }
  // The worker runs one call at a time (as OpenFaaS's queue-worker, max_inflight=1): ~1.2 s each.
  const service = ctx.engine.getService(names.gatewayService(ctx.prefix, sb.id));
  const spec = await service.inspect();
  await service.update({ ...spec.Spec, version: spec.Version.Index, TaskTemplate: { ...spec.Spec.TaskTemplate, ForceUpdate: (spec.Spec.TaskTemplate.ForceUpdate ?? 0) + 1 } });
  // the new gateway task publishes a new port
  const old = sb.gatewayUrl;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = await runningGatewayUrl(ctx.engine, ctx.cfg, sb.id);
    if (url && url !== old && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) { sb = { ...sb, gatewayUrl: url }; break; }
    assert.ok(Date.now() < deadline, 'the gateway came back within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const before = (await received()).filter((l) => ids.some((id) => l.startsWith(id)));
  assert.ok(before.length < ids.length, `the restart came before the queue was done (${before.length} of ${ids.length} done)`);
  const lines = await waitForCallbacks(ids, 60_000);
  ids.forEach((id, i) => assert.ok(lines.includes(`${id} sleepy 200 slept on job ${i + 1}`), lines.join('\n')));
});
