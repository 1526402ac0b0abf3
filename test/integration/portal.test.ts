import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../../lib/errors';
import { scaleSchema } from '../../lib/portal/functions';
import { invokeSchema, MAX_INVOKE_BODY } from '../../lib/portal/invoke';
import { portal } from '../../lib/portal/portal';
import { storeDeploySchema } from '../../lib/portal/store';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { participant, removeTestInstance, testContext } from './helpers';

// The Portal tab's server side against a real sandbox: the participant's own gateway, reached
// with their login, doing what faas-cli does (Lab 2's UI steps).
let ctx: Awaited<ReturnType<typeof testContext>>;
let p: ReturnType<typeof portal>;
const pid = participant();

before(async () => {
  ctx = await testContext();
  await ensureSandbox(ctx, pid);
  p = portal(ctx, pid);
});

after(() => removeTestInstance(ctx, [pid]));

const invoke = (name: string, input: object) => p.invoke(name, invokeSchema.parse(input));
const rejects = (run: Promise<unknown>, code: string, message: RegExp) =>
  assert.rejects(run, (err) => isAppError(err) && err.code === code && message.test(err.message));

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('a new sandbox has no functions; the store lists the catalog, each one deployable', async () => {
  assert.deepEqual((await p.functions()).functions, []);
  assert.equal((await p.functions()).maxReplicas, 5);
  const figlet = p.store().find((i) => i.name === 'figlet');
  assert.deepEqual(figlet, { name: 'figlet', title: 'figlet', description: figlet!.description, image: 'ghcr.io/openfaas/figlet:latest', available: true });
});

test('figlet from the store becomes Ready, answers a POST with ASCII art, and its invocation count rises', async () => {
  assert.deepEqual(await p.deploy({ store: 'Figlet' }), { name: 'figlet' });
  const [fn] = await until('figlet Ready', () => p.functions().then((r) => r.functions), (fs) => fs[0]?.status === 'Ready');
  assert.equal(fn.name, 'figlet');
  assert.equal(fn.replicas, 1);
  assert.equal(fn.availableReplicas, 1);
  assert.match(fn.image, /figlet/);
  const before = fn.invocationCount;
  const res = await invoke('figlet', { method: 'POST', body: 'Hi' });
  assert.equal(res.status, 200);
  assert.equal(res.statusText, 'OK');
  assert.match(res.body, /\| \|_\| \| \|/, res.body);
  assert.ok(res.durationMs > 0 && res.durationMs < 60_000, `duration ${res.durationMs}`);
  assert.ok(res.headers.some(([k]) => k === 'x-duration-seconds'), JSON.stringify(res.headers));
  assert.equal(res.note, undefined);
  await until('invocation count', () => p.functions().then((r) => r.functions[0].invocationCount), (n) => n === before + 1, 15_000);
  // deploying it again is an update (faas-cli store deploy's PUT), not an error
  assert.deepEqual(await p.deploy({ store: 'figlet' }), { name: 'figlet' });
});

test('an invoke carries the method, query string, headers and content type to the function', async () => {
  await p.deploy({ store: 'env', name: 'env-echo' });
  await until('env-echo Ready', () => p.functions().then((r) => r.functions.find((f) => f.name === 'env-echo')), (f) => f?.status === 'Ready');
  const get = await invoke('env-echo', { method: 'GET', query: '?lab=2&step=invoke', headers: [{ name: 'X-Lab', value: 'two' }] });
  assert.equal(get.status, 200);
  assert.match(get.body, /^Http_Method=GET$/m);
  assert.match(get.body, /^Http_Query=lab=2&step=invoke$/m);
  assert.match(get.body, /^Http_X_Lab=two$/m);
  const put = await invoke('env-echo', { method: 'PUT', body: '{"a":1}', contentType: 'application/json' });
  assert.match(put.body, /^Http_Method=PUT$/m);
  assert.match(put.body, /^Http_Content_Type=application\/json$/m);
});

test('scale sets replicas up to the sandbox limit; past it the gateway says the limit', async () => {
  await p.scale('figlet', 2);
  await until('two replicas', () => p.functions().then((r) => r.functions.find((f) => f.name === 'figlet')!), (f) => f.replicas === 2 && f.availableReplicas === 2);
  await rejects(p.scale('figlet', 6), 'quota', /At most 5 replicas/);
  assert.match(scaleSchema.safeParse({ replicas: 6 }).error!.issues[0].message, /At most 5 replicas/);
  assert.match(scaleSchema.safeParse({ replicas: -1 }).error!.issues[0].message, /0 or more/);
  await p.scale('figlet', 0);
  await until('scaled to zero', () => p.functions().then((r) => r.functions.find((f) => f.name === 'figlet')!), (f) => f.status === 'Scaled to zero');
  await rejects(p.scale('nope', 1), 'not_found', /function "nope" not found/);
});

test('delete removes a function; deleting or invoking one that is gone says so', async () => {
  await p.remove('figlet');
  await until('figlet gone', () => p.functions().then((r) => r.functions.map((f) => f.name)), (ns) => !ns.includes('figlet'));
  await rejects(p.remove('figlet'), 'not_found', /figlet/);
  const gone = await invoke('figlet', { method: 'POST', body: 'x' });
  assert.equal(gone.status, 404);
  assert.match(gone.note ?? '', /no function "figlet"/);
});

test('bad input is refused with what is wrong, before anything reaches the gateway', async () => {
  await rejects(p.deploy({ store: 'no-such-thing' }), 'not_found', /no function "no-such-thing"/);
  assert.match(storeDeploySchema.safeParse({ store: 'figlet', name: 'Bad Name' }).error!.issues[0].message, /lower-case letters/);
  await rejects(p.invoke('../system/functions', invokeSchema.parse({ method: 'GET' })), 'invalid', /is not a function name/);
  const bad = (input: object) => invokeSchema.safeParse(input).error?.issues[0].message ?? '';
  assert.match(bad({ method: 'TRACE' }), /Method must be one of GET, POST/);
  assert.match(bad({ method: 'POST', headers: [{ name: 'Host', value: 'x' }] }), /Host header is set by the portal/);
  assert.match(bad({ method: 'POST', headers: [{ name: 'Content-Type', value: 'x' }] }), /Content type field/);
  assert.match(bad({ method: 'POST', headers: [{ name: 'X Bad', value: 'x' }] }), /not a valid header name/);
  assert.match(bad({ method: 'POST', headers: [{ name: 'X-A', value: 'a\r\nB: c' }] }), /line breaks/);
  assert.match(bad({ method: 'POST', body: 'x'.repeat(MAX_INVOKE_BODY + 1) }), /larger than 1 MiB/);
});
