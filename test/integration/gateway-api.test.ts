import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFunction } from '../../lib/builder/build-function';
import { names } from '../../lib/docker/names';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { prometheusUrl } from '../../lib/sandbox/prometheus';
import { removeInstance } from '../../lib/sandbox/remove';
import { removeAllHomes } from '../../lib/workspace/home';
import { participantWorkspace } from '../../lib/workspace/participant';
import { leftovers, nothingLeft, participant, testContext } from './helpers';
import { openApiValidator } from './openapi';

// The OpenFaaS REST API of a sandbox gateway, as faas-cli and the portal use it: /system/*
// behind basic auth, answered by the platform's provider over the real Swarm.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
let image: string;
const pid = participant();

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  ws.write('echo/handler.py', 'import os\ndef handle(req):\n    return os.environ.get("greeting", "hi") + " " + req\n');
  ({ image } = await buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: sb.id, fn: 'echo', lang: 'python3', handlerDir: ws.dir('echo'), images: ctx.images }, () => {}));
});

after(async () => {
  await removeInstance(ctx.engine, ctx.prefix);
  removeAllHomes(ctx.cfg.dataDir);
  assert.deepEqual(await leftovers(ctx.prefix), nothingLeft);
  ctx.close();
});

const auth = () => ({ Authorization: `Basic ${Buffer.from(`${sb.credentials.user}:${sb.credentials.password}`).toString('base64')}` });
const api = (path: string, init: RequestInit = {}) => fetch(`${sb.gatewayUrl}${path}`, { ...init, headers: { ...auth(), 'Content-Type': 'application/json', ...init.headers } });
const invoke = async (fn: string, body: string) => { const r = await fetch(`${sb.gatewayUrl}/function/${fn}`, { method: 'POST', body }); return { status: r.status, text: await r.text() }; };

test('/system/* needs the sandbox credentials; /function and /healthz do not', async () => {
  assert.equal((await fetch(`${sb.gatewayUrl}/system/functions`)).status, 401);
  const wrong = await fetch(`${sb.gatewayUrl}/system/functions`, { headers: { Authorization: `Basic ${Buffer.from('admin:guess').toString('base64')}` } });
  assert.equal(wrong.status, 401);
  assert.equal((await fetch(`${sb.gatewayUrl}/healthz`)).status, 200);
  const list = await api('/system/functions');
  assert.equal(list.status, 200);
  assert.deepEqual(await list.json(), []);
});

test('/system/info describes a swarm provider', async () => {
  const info = await (await api('/system/info')).json();
  assert.equal(info.provider.orchestration, 'swarm');
  assert.ok(info.version.release);
});

test('POST /system/functions deploys; the function answers and is listed and described', async () => {
  const res = await api('/system/functions', { method: 'POST', body: JSON.stringify({ service: 'echo', image, envVars: { greeting: 'hello' }, labels: { team: 'blue' }, annotations: { topic: 'lab3' } }) });
  assert.equal(res.status, 202, await res.text());
  assert.deepEqual(await invoke('echo', 'world'), { status: 200, text: 'hello world\n' });
  const list = await (await api('/system/functions')).json();
  assert.deepEqual(list.map((f: { name: string }) => f.name), ['echo']);
  const fn = await (await api('/system/function/echo')).json();
  assert.equal(fn.name, 'echo');
  assert.equal(fn.image, image);
  assert.equal(fn.replicas, 1);
  assert.equal(fn.availableReplicas, 1);
  assert.equal(fn.envProcess, '');
  assert.deepEqual(fn.envVars, { greeting: 'hello' });
  assert.deepEqual(fn.labels, { team: 'blue' });
  assert.deepEqual(fn.annotations, { topic: 'lab3' });
  assert.equal(fn.readOnlyRootFilesystem, true);
});

test('PUT updates the running function; the next call sees the change', async () => {
  const res = await api('/system/functions', { method: 'PUT', body: JSON.stringify({ service: 'echo', image, envVars: { greeting: 'bonjour' } }) });
  assert.equal(res.status, 202, await res.text());
  assert.deepEqual(await invoke('echo', 'monde'), { status: 200, text: 'bonjour monde\n' });
  const missing = await api('/system/functions', { method: 'PUT', body: JSON.stringify({ service: 'nope', image }) });
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /function "nope" not found/);
});

test('/system/logs streams the watchdog lines Lab 3 points at, and write_debug adds the output', async () => {
  const res = await api('/system/functions', { method: 'PUT', body: JSON.stringify({ service: 'echo', image, envVars: { greeting: 'debug', write_debug: 'true' } }) });
  assert.equal(res.status, 202, await res.text());
  assert.equal((await invoke('echo', 'me')).text, 'debug me\n');
  let lines: { name: string; instance: string; timestamp: string; text: string }[] = [];
  for (let i = 0; i < 50 && !lines.some((l) => l.text.includes('debug me')); i++) {
    const logs = await api('/system/logs?name=echo&tail=50&follow=false');
    assert.equal(logs.status, 200);
    assert.match(logs.headers.get('content-type') ?? '', /application\/x-ndjson/);
    lines = (await logs.text()).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    await new Promise((r) => setTimeout(r, 200));
  }
  const texts = lines.map((l) => l.text).join('\n');
  assert.match(texts, /Forking fprocess\./);
  assert.match(texts, /debug me/);
  assert.ok(lines.every((l) => l.name === 'echo' && l.instance && !Number.isNaN(Date.parse(l.timestamp))));
  const missing = await api('/system/logs?name=nope');
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /function "nope" not found/);
});

test('/metrics counts invocations with OpenFaaS names, and the function list shows the count', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await invoke('echo', String(i))).status, 200);
  const metrics = await (await fetch(`${sb.gatewayUrl}/metrics`)).text();
  const m = /gateway_function_invocation_total\{(?=[^}]*function_name="echo")(?=[^}]*code="200")[^}]*\} (\d+)/.exec(metrics);
  assert.ok(m && Number(m[1]) >= 3, metrics.slice(0, 500));
  assert.match(metrics, /gateway_functions_seconds_bucket\{(?=[^}]*le=")(?=[^}]*function_name="echo")(?=[^}]*code="200")[^}]*\}/);
  assert.match(metrics, new RegExp(`gateway_function_invocation_total\\{[^}]*sandbox="${sb.id}"`));
  const list = await (await api('/system/functions')).json();
  assert.equal(list[0].invocationCount, Number(m![1]));
  assert.equal((await (await api('/system/function/echo')).json()).invocationCount, Number(m![1]));
});

test('the platform\'s Prometheus scrapes the gateway: the invocation count is queryable per sandbox', async () => {
  const url = await prometheusUrl(ctx.engine, ctx.prefix, ctx.cfg.FAASLAB_GATEWAY_HOST);
  assert.ok(url, 'Prometheus is running');
  const query = encodeURIComponent(`sum(gateway_function_invocation_total{sandbox="${sb.id}",function_name="echo"})`);
  // a scrape can land between two invocations: wait until one has seen all three
  let value = 0;
  for (let i = 0; i < 60 && value < 3; i++) {
    const body = await (await fetch(`${url}/api/v1/query?query=${query}`)).json().catch(() => null);
    value = Number(body?.data?.result?.[0]?.value?.[1] ?? 0);
    if (value < 3) await new Promise((r) => setTimeout(r, 1000));
  }
  assert.ok(value >= 3, `Prometheus saw ${value} invocations`);
});

test('contract: answers match the schemas of OpenFaaS\'s OpenAPI spec', async () => {
  const check = openApiValidator();
  const list = await (await api('/system/functions')).json();
  assert.ok(Array.isArray(list) && list.length > 0);
  for (const f of list) assert.deepEqual(check('FunctionStatus', f), [], JSON.stringify(f));
  assert.deepEqual(check('FunctionStatus', await (await api('/system/function/echo')).json()), []);
  assert.deepEqual(check('GatewayInfo', await (await api('/system/info')).json()), []);
  assert.deepEqual(check('ListNamespaceResponse', await (await api('/system/namespaces')).json()), []);
  const logs = (await (await api('/system/logs?name=echo&tail=3')).text()).trim().split('\n').map((l) => JSON.parse(l));
  for (const entry of logs) assert.deepEqual(check('LogEntry', entry), [], JSON.stringify(entry));
  for (const s of await (await api('/system/secrets')).json()) assert.deepEqual(check('SecretDescription', s), []);
  // and what we accept: the spec's own example deployment shape
  assert.deepEqual(check('FunctionDeployment', { service: 'echo', image, envVars: { a: 'b' }, labels: { x: 'y' }, limits: { memory: '128M' } }), []);
});

test('scale-function sets replicas and both replicas answer', async () => {
  const res = await api('/system/scale-function/echo', { method: 'POST', body: JSON.stringify({ serviceName: 'echo', replicas: 2 }) });
  assert.equal(res.status, 202, await res.text());
  let fn: { availableReplicas: number; replicas: number } = { availableReplicas: 0, replicas: 0 };
  for (let i = 0; i < 100 && fn.availableReplicas < 2; i++) {
    fn = await (await api('/system/function/echo')).json();
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(fn.replicas, 2);
  assert.equal(fn.availableReplicas, 2);
  for (let i = 0; i < 4; i++) assert.equal((await invoke('echo', 'x')).status, 200);
  const tooMany = await api('/system/scale-function/echo', { method: 'POST', body: JSON.stringify({ serviceName: 'echo', replicas: 50 }) });
  assert.equal(tooMany.status, 429);
  assert.match(await tooMany.text(), /At most 5 replicas/);
});

test('bad deployments are refused with the rule, and nothing is created', async () => {
  const cases: [unknown, number, RegExp][] = [
    [{ service: 'Bad_Name', image }, 400, /not a valid function name/],
    [{ service: 'x' }, 400, /image/],
    [{ service: 'other', image: ctx.images.gateway }, 400, /was not built in your sandbox/],
    [{ service: 'other', image, labels: { 'io.faaslab.sandbox': 'someone-else' } }, 400, /reserved/],
    [{ service: 'other', image, limits: { memory: '8G' } }, 400, /ceiling/],
    [{ service: 'other', image, limits: { cpu: '0.5' } }, 400, /NanoCPUs/],
    // placement is the platform's: nothing that names a node, its role or its labels
    [{ service: 'other', image, constraints: ['node.role==manager'] }, 400, /constraint "node\.role==manager" is not allowed: the platform places functions[^]*node\.platform\.os or node\.platform\.arch/],
    [{ service: 'other', image, constraints: ['node.platform.os == linux', 'node.hostname == workshop'] }, 400, /constraints\.1: constraint "node\.hostname == workshop" is not allowed/],
    [{ service: 'other', image, constraints: ['node.labels.faaslab.sandboxes != true'] }, 400, /not allowed/],
    [{ service: 'other', image, constraints: ['node.platform.os == linux || node.role == manager'] }, 400, /not allowed/],
  ];
  for (const [body, status, message] of cases) {
    const res = await api('/system/functions', { method: 'POST', body: JSON.stringify(body) });
    assert.equal(res.status, status, JSON.stringify(body));
    assert.match(await res.text(), message);
  }
  const notJson = await api('/system/functions', { method: 'POST', body: '{nope' });
  assert.equal(notJson.status, 400);
  const services = (await leftovers(ctx.prefix)).services;
  assert.ok(!services.includes(names.functionService(ctx.prefix, sb.id, 'other')));
});

test("a function's own placement constraints narrow the platform's, which always applies", async () => {
  const res = await api('/system/functions', { method: 'POST', body: JSON.stringify({ service: 'placed', image, constraints: ['node.platform.arch == x86_64', 'node.platform.os==linux'] }) });
  assert.equal(res.status, 202, await res.text());
  const spec = await ctx.engine.getService(names.functionService(ctx.prefix, sb.id, 'placed')).inspect();
  assert.deepEqual(spec.Spec.TaskTemplate.Placement.Constraints, ['node.platform.os == linux', 'node.platform.arch == x86_64']);
  assert.equal((await invoke('placed', 'there')).text, 'hi there\n');
  assert.equal((await api('/system/functions', { method: 'DELETE', body: JSON.stringify({ functionName: 'placed' }) })).status, 202);
});

test('secrets: created through /system/secrets, never listed with their value, mounted where OpenFaaS mounts them', async () => {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  ws.write('reader/handler.py', 'def handle(req):\n    return open("/var/openfaas/secrets/api-key").read()\n');
  const built = await buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: sb.id, fn: 'reader', lang: 'python3', handlerDir: ws.dir('reader'), images: ctx.images }, () => {});
  assert.equal((await api('/system/secrets', { method: 'POST', body: JSON.stringify({ name: 'api-key', value: 's3cr3t' }) })).status, 201);
  const dup = await api('/system/secrets', { method: 'POST', body: JSON.stringify({ name: 'api-key', value: 'x' }) });
  assert.equal(dup.status, 409);
  assert.match(await dup.text(), /already exists/);
  assert.deepEqual(await (await api('/system/secrets')).json(), [{ name: 'api-key' }]);
  const bad = await api('/system/secrets', { method: 'POST', body: JSON.stringify({ name: '../etc', value: 'x' }) });
  assert.equal(bad.status, 400);
  assert.equal((await api('/system/secrets', { method: 'PUT', body: JSON.stringify({ name: 'api-key', value: 'y' }) })).status, 405);

  const missing = await api('/system/functions', { method: 'POST', body: JSON.stringify({ service: 'reader', image: built.image, secrets: ['nope'] }) });
  assert.equal(missing.status, 400);
  assert.match(await missing.text(), /secret "nope" not found/);
  const res = await api('/system/functions', { method: 'POST', body: JSON.stringify({ service: 'reader', image: built.image, secrets: ['api-key'] }) });
  assert.equal(res.status, 202, await res.text());
  assert.deepEqual(await invoke('reader', ''), { status: 200, text: 's3cr3t\n' });
  assert.deepEqual((await (await api('/system/function/reader')).json()).secrets, ['api-key']);

  const inUse = await api('/system/secrets', { method: 'DELETE', body: JSON.stringify({ name: 'api-key' }) });
  assert.equal(inUse.status, 409);
  assert.equal((await api('/system/functions', { method: 'DELETE', body: JSON.stringify({ functionName: 'reader' }) })).status, 202);
  assert.equal((await api('/system/secrets', { method: 'DELETE', body: JSON.stringify({ name: 'api-key' }) })).status, 200);
  assert.deepEqual(await (await api('/system/secrets')).json(), []);
});

test('DELETE removes the function; it then answers 404 by name', async () => {
  const res = await api('/system/functions', { method: 'DELETE', body: JSON.stringify({ functionName: 'echo' }) });
  assert.equal(res.status, 202, await res.text());
  assert.deepEqual(await (await api('/system/functions')).json(), []);
  const get = await api('/system/function/echo');
  assert.equal(get.status, 404);
  assert.equal((await invoke('echo', 'x')).status, 404);
  const again = await api('/system/functions', { method: 'DELETE', body: JSON.stringify({ functionName: 'echo' }) });
  assert.equal(again.status, 404);
});
