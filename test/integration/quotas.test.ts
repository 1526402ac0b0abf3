import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { readCatalog } from '../../lib/store/catalog';
import { participantWorkspace } from '../../lib/workspace/participant';
import { gatewayAuth, participant, removeTestInstance, testContext } from './helpers';

// Quotas a participant runs into, and what they read then: functions per sandbox, replicas per
// function, workspace size (builds per sandbox, body size and build time are covered with the
// builder and gateway tests, filling the workspace from the shell in the security suite).
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();

before(async () => {
  ctx = await testContext();
  ctx.cfg.FAASLAB_MAX_FUNCTIONS = 2; // the provider serving this test's gateways reads the same configuration
  sb = await ensureSandbox(ctx, pid);
});

after(() => removeTestInstance(ctx, [pid]));

const api = (path: string, init: RequestInit = {}) => fetch(`${sb.gatewayUrl}${path}`, { ...init, headers: { ...gatewayAuth(sb), 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
const storeImage = (name: string) => readCatalog(ctx.cfg.root).find((e) => e.name === name)!.image;
const deploy = (service: string, image = storeImage('env')) => api('/system/functions', { method: 'POST', body: JSON.stringify({ service, image, envProcess: 'env' }) });

test('functions per sandbox: the one past the quota is refused with what to do; updates and replacements still work', async () => {
  assert.equal((await deploy('one')).status, 202);
  assert.equal((await deploy('two')).status, 202);
  const third = await deploy('three');
  assert.equal(third.status, 429);
  assert.match(await third.text(), /Function "three" was not deployed: this sandbox already has 2 functions \(one, two\), the most it may have.*faas-cli remove/s);
  assert.equal((await api('/system/functions', { method: 'PUT', body: JSON.stringify({ service: 'two', image: storeImage('env'), envProcess: 'env', envVars: { v: '2' } }) })).status, 202, 'updating an existing function is not a new one');
  // from the shell, as a participant meets it
  const cli = await execInShell(ctx.engine, ctx.prefix, sb.id, 'faas-cli store deploy figlet; echo "exit=$?"');
  assert.match(cli.stdout + cli.stderr, /already has 2 functions \(one, two\), the most it may have/);
  assert.match(cli.stdout, /exit=[1-9]/);
  assert.equal((await api('/system/functions', { method: 'DELETE', body: JSON.stringify({ functionName: 'one' }) })).status, 202);
  assert.equal((await deploy('three')).status, 202);
  assert.deepEqual((await (await api('/system/functions')).json()).map((f: { name: string }) => f.name).sort(), ['three', 'two']);
});

test('replicas per function: scaling past the quota is refused and the function keeps its replicas', async () => {
  const res = await api('/system/scale-function/two', { method: 'POST', body: JSON.stringify({ serviceName: 'two', replicas: 6 }) });
  assert.equal(res.status, 429);
  assert.match(await res.text(), /At most 5 replicas per function/);
  assert.equal((await (await api('/system/function/two')).json()).replicas, 1);
  const min = await deploy('four');
  assert.equal(min.status, 429, 'still at the functions quota');
  const scaleMin = await api('/system/functions', { method: 'PUT', body: JSON.stringify({ service: 'two', image: storeImage('env'), labels: { 'com.openfaas.scale.min': '9' } }) });
  assert.equal(scaleMin.status, 400);
  assert.match(await scaleMin.text(), /com\.openfaas\.scale\.min must be an integer from 0 to 5/);
});

test('workspace size: a full workspace refuses a save with a clear message and keeps the last version; freeing space fixes it', async () => {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  ws.write('fn/handler.py', 'def handle(req):\n    return "v1"\n');
  const fill = await execInShell(ctx.engine, ctx.prefix, sb.id, 'dd if=/dev/zero of=big.bin bs=1M count=400 2>&1 | grep -o "No space left on device"; sync; dd if=/dev/zero of=big2.bin bs=4k 2>/dev/null; sync; df -k . | tail -1');
  assert.match(fill.stdout, /No space left on device/, fill.stdout);
  assert.throws(() => ws.write('fn/handler.py', `def handle(req):\n    return "${'v2'.repeat(40_000)}"\n`), (err: Error & { code?: string }) =>
    err.code === 'quota' && /fn\/handler\.py was not saved: your workspace is full/.test(err.message));
  assert.equal(ws.read('fn/handler.py'), 'def handle(req):\n    return "v1"\n');
  assert.equal((await execInShell(ctx.engine, ctx.prefix, sb.id, 'rm big.bin big2.bin')).code, 0);
  ws.write('fn/handler.py', 'def handle(req):\n    return "v2"\n');
  assert.equal(ws.read('fn/handler.py'), 'def handle(req):\n    return "v2"\n');
});
