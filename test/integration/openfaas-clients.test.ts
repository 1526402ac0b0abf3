import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { MAX_BUILD_BODY, payloadSecret, sign } from '../../lib/builder/openfaas-builder';
import { LABEL } from '../../lib/docker/labels';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { PublicPorts } from '../../lib/sandbox/public-ports';
import { gatewayAuth, participant, removeTestInstance, testContext } from './helpers';

// OpenFaaS's own clients from a laptop, against a participant's own port: the requests below
// are the ones OpenFaaS's faas-cli 0.17.6 makes (URL shapes, headers and bodies from its source,
// recorded in docs/reference/faas-cli-0.17.6.md, and seen by running it by hand): invoke keeps
// only the gateway's scheme and host and appends `.openfaas-fn`; `up --remote-builder` POSTs a
// signed tar to <scheme://host>/build, then deploys through /system/functions.
let ctx: Awaited<ReturnType<typeof testContext>>;
let ports: PublicPorts;
let sb: Sandbox;
let other: Sandbox;
let base: string;
let secret: string;
const pid = participant();
const pid2 = participant();

before(async () => {
  ctx = await testContext();
  ports = new PublicPorts(ctx, '127.0.0.1');
  sb = await ensureSandbox(ctx, pid);
  other = await ensureSandbox(ctx, pid2); // one after the other: the first makes the instance's control network
  base = `http://127.0.0.1:${await ports.ensure(sb.id)}`;
  secret = payloadSecret(sb.token);
});

after(async () => {
  ports.close();
  await removeTestInstance(ctx, [pid, pid2]);
});

type Entry = { name: string; content?: string; type?: 'file' | 'directory' | 'symlink'; linkname?: string; mode?: number };

/** A tar as go-sdk's builder.MakeTar writes it: `context` (the template folder with the handler in function/), then com.openfaas.docker.config. */
async function tarOf(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    const header = { name: e.name, type: e.type ?? 'file', linkname: e.linkname, mode: e.mode ?? (e.type === 'directory' ? 0o755 : 0o644) } as const;
    if (e.type && e.type !== 'file') pack.entry(header);
    else pack.entry(header, e.content ?? '');
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The build context faas-cli makes for `lang` (our template's own files stand in for OpenFaaS's; only template.yml's language and function/ are read). */
function contextEntries(lang: string, handler: Record<string, string>): Entry[] {
  const dir = path.join(ctx.cfg.root, 'templates', lang);
  const entries: Entry[] = [{ name: 'context', type: 'directory' }];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (r === 'function') continue;
      if (d.isDirectory()) { entries.push({ name: `context/${r}`, type: 'directory' }); walk(r); } else entries.push({ name: `context/${r}`, content: fs.readFileSync(path.join(dir, r), 'utf8') });
    }
  };
  walk('');
  entries.push({ name: 'context/function', type: 'directory' });
  for (const [name, content] of Object.entries(handler)) entries.push({ name: `context/function/${name}`, content });
  return entries;
}

const config = (image: string) => ({ name: 'com.openfaas.docker.config', content: JSON.stringify({ image }), mode: 0o664 });

function build(body: Buffer, signature: string | null = sign(body, secret), to = base) {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'User-Agent': 'openfaas-go-sdk', Accept: 'application/x-ndjson' };
  if (signature !== null) headers['X-Build-Signature'] = signature;
  return fetch(`${to}/build`, { method: 'POST', body: new Uint8Array(body), headers });
}

const api = (p: string, init: RequestInit = {}, who = sb) =>
  fetch(`${base}${p}`, { ...init, headers: { ...gatewayAuth(who), 'User-Agent': 'faas-cli/0.17.6', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers } });

const imagesOf = async (sid: string) => (await ctx.engine.listImages({ filters: { label: [`${LABEL.sandbox}=${sid}`] } })).length;

const HANDLER = 'def handle(event, context):\n    return {"statusCode": 200, "body": "hello from the laptop: " + event.body.decode()}\n';

test('the public port is the gateway at the root of a URL: login works with the own password only; /function needs none', async () => {
  assert.equal((await api('/system/functions')).status, 200);
  assert.equal((await api('/system/functions', {}, other)).status, 401);
  assert.equal((await fetch(`${base}/system/functions`)).status, 401);
  assert.equal((await fetch(`${base}/healthz`)).status, 200);
  assert.equal((await fetch(`${base}/system/faaslab/activity`)).status, 404);
  assert.deepEqual(await (await api('/system/namespaces')).json(), ['openfaas-fn']);
  // the same port again for the same sandbox; another sandbox gets another
  assert.equal(`http://127.0.0.1:${await ports.ensure(sb.id)}`, base);
  assert.notEqual(`http://127.0.0.1:${await ports.ensure(other.id)}`, base);
});

test('faas-cli up --remote-builder: a signed tar at POST /build is built (ndjson BuildResults), then deployed, invoked with .openfaas-fn, async too', async () => {
  const body = await tarOf([...contextEntries('python3-http', { 'handler.py': HANDLER, 'requirements.txt': '' }), config('hello:latest')]);
  const res = await build(body);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/x-ndjson/);
  const results = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { log: string[]; image: string; status: string; error?: string });
  const last = results.at(-1)!;
  assert.equal(last.status, 'success', last.error);
  assert.equal(last.image, 'hello:latest');
  assert.ok(results.slice(0, -1).every((r) => r.status === 'in_progress' && Array.isArray(r.log)));
  assert.ok(results.some((r) => r.log.some((l) => /python3-http/.test(l))), 'says which template it built with');

  // faas-cli deploy: PUT first (404: not there yet), then POST, with the namespace it resolved
  const deployment = { service: 'hello', image: 'hello:latest', namespace: 'openfaas-fn', envProcess: 'python3 index.py', labels: {}, annotations: {} };
  assert.equal((await api('/system/functions', { method: 'PUT', body: JSON.stringify(deployment) })).status, 404);
  const posted = await api('/system/functions', { method: 'POST', body: JSON.stringify(deployment) });
  assert.equal(posted.status, 202, await posted.text());

  const invoked = await fetch(`${base}/function/hello.openfaas-fn`, { method: 'POST', body: 'hi', headers: { 'Content-Type': 'text/plain', 'User-Agent': 'faas-cli/0.17.6 (openfaas; linux; amd64)' } });
  assert.equal(invoked.status, 200);
  assert.equal(await invoked.text(), 'hello from the laptop: hi');
  assert.equal((await fetch(`${base}/function/hello?namespace=openfaas-fn`, { method: 'POST', body: 'q' })).status, 200);
  const queued = await fetch(`${base}/async-function/hello.openfaas-fn`, { method: 'POST', body: 'later' });
  assert.equal(queued.status, 202);

  // list, describe, logs with ?namespace= as faas-cli -n openfaas-fn sends them
  const list = await (await api('/system/functions?namespace=openfaas-fn')).json() as { name: string; namespace: string }[];
  assert.deepEqual(list.map((f) => [f.name, f.namespace]), [['hello', 'openfaas-fn']]);
  const described = await api('/system/function/hello?namespace=openfaas-fn&usage=1');
  assert.equal(described.status, 200);
  assert.equal((await described.json() as { image: string }).image, 'hello:latest');
  const logs = await api('/system/logs?follow=false&name=hello&namespace=openfaas-fn&tail=20');
  assert.equal(logs.status, 200);
  assert.ok((await logs.text()).split('\n').filter(Boolean).every((l) => JSON.parse(l).namespace === 'openfaas-fn'));
});

test("another namespace gets OpenFaaS's answers, on the URL and in bodies", async () => {
  const fn = await fetch(`${base}/function/hello.dev`, { method: 'POST', body: 'x' });
  assert.equal(fn.status, 503);
  assert.match(await fn.text(), /No endpoints available for: hello\.dev\./);
  const listed = await api('/system/functions?namespace=dev');
  assert.equal(listed.status, 400);
  assert.match(await listed.text(), /namespace dev is not allowed/);
  const removed = await api('/system/functions', { method: 'DELETE', body: JSON.stringify({ functionName: 'hello', namespace: 'dev' }) });
  assert.equal(removed.status, 400);
  assert.match(await removed.text(), /namespace dev is not allowed/);
  assert.equal((await fetch(`${base}/function/hello.openfaas-fn`, { method: 'POST', body: 'still' })).status, 200, 'nothing was removed');
});

test('bad builds are refused with a clear 4xx before anything is built: wrong or missing signature, another participant\'s secret, .. and links out, a huge payload', async () => {
  const images = await imagesOf(sb.id);
  const good = await tarOf([...contextEntries('python3-http', { 'handler.py': 'def handle(e, c):\n    return "evil"\n' }), config('hello:latest')]);
  const refusals: [string, Response, number, RegExp][] = [
    ['wrong signature', await build(good, sign(Buffer.from('something else'), secret)), 401, /not signed with your payload secret/],
    ['no signature', await build(good, null), 401, /X-Build-Signature/],
    ["another participant's secret", await build(good, sign(good, payloadSecret(other.token))), 401, /payload secret/],
  ];
  const dotdot = await tarOf([{ name: 'context/../../escape.txt', content: 'x' }, config('hello:latest')]);
  refusals.push(['.. in a name', await build(dotdot), 400, /refused/]);
  const link = await tarOf([...contextEntries('python3-http', {}), { name: 'context/function/handler.py', type: 'symlink', linkname: '/etc/passwd' }, config('hello:latest')]);
  refusals.push(['a link', await build(link), 400, /symlink|only files and folders/]);
  const outside = await tarOf([{ name: 'etc/cron.d/x', content: 'x' }, config('hello:latest')]);
  refusals.push(['a file outside context/', await build(outside), 400, /outside context\//]);
  const noLang = await tarOf([{ name: 'context/function/handler.py', content: HANDLER }, config('hello:latest')]);
  refusals.push(['no template.yml', await build(noLang), 400, /template\.yml/]);
  const badImage = await tarOf([...contextEntries('python3-http', { 'handler.py': HANDLER }), config('localhost:5000/Hello')]);
  refusals.push(['an invalid image name', await build(badImage), 400, /image must look like/]);
  const huge = Buffer.alloc(MAX_BUILD_BODY + 1024 * 1024, 1);
  refusals.push(['a huge payload', await build(huge, sign(huge, secret)), 413, /larger than/]);
  for (const [what, res, status, text] of refusals) {
    assert.equal(res.status, status, `${what}: ${res.status}`);
    assert.match(await res.text(), text, what);
  }
  assert.equal(await imagesOf(sb.id), images, 'no image was built or replaced');
  const still = await fetch(`${base}/function/hello.openfaas-fn`, { method: 'POST', body: 'ok' });
  assert.equal(await still.text(), 'hello from the laptop: ok', 'the deployed function is untouched');
  assert.deepEqual(fs.readdirSync(path.join(ctx.cfg.dataDir, 'builds')), [], 'no build folder is left');
});
