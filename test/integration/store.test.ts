import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { readCatalog } from '../../lib/store/catalog';
import { gatewayAuth, participant, removeTestInstance, testContext } from './helpers';

// The offline function store: every catalog entry deploys by its catalog image name (what
// `faas-cli store deploy` sends) and answers as Labs 2 and 3 say it does.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
});

after(() => removeTestInstance(ctx, [pid]));

const deploy = (body: object) => fetch(`${sb.gatewayUrl}/system/functions`, { method: 'POST', headers: { ...gatewayAuth(sb), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const invoke = async (fn: string, body: string) => {
  const r = await fetch(`${sb.gatewayUrl}/function/${fn}`, { method: 'POST', body });
  return { status: r.status, text: await r.text(), type: r.headers.get('content-type') };
};

test('every store function deploys from its catalog entry and answers as the labs show', async () => {
  const catalog = readCatalog(ctx.cfg.root);
  assert.deepEqual(catalog.map((e) => e.name).sort(), ['astros', 'env', 'figlet', 'markdown', 'nodeinfo']);
  for (const e of catalog) {
    const res = await deploy({ service: e.name, image: e.image, envProcess: e.fprocess, envVars: e.environment, labels: e.labels, annotations: e.annotations });
    assert.equal(res.status, 202, `${e.name}: ${await res.text()}`);
  }
  const figlet = await invoke('figlet', 'OpenFaaS');
  assert.equal(figlet.status, 200);
  assert.match(figlet.text, /\| \|_\| \| \|_\) \|  __\/ \| \| \|  _\| \(_\| \| \(_\| \|___\) \|/, figlet.text);
  assert.deepEqual(await invoke('markdown', '## Hi'), { status: 200, text: '<h2>Hi</h2>', type: 'text/html' });
  const nodeinfo = await invoke('nodeinfo', '');
  assert.match(nodeinfo.text, /^Hostname: \S+\nPlatform: linux\nArch: x64\nCPU count: \d+\nUptime: \d+\n$/);
  const env = await invoke('env', 'x');
  assert.match(env.text, /^Http_Method=POST$/m);
  const astros = await invoke('astros', '');
  assert.equal(astros.type, 'application/json');
  const people = JSON.parse(astros.text);
  assert.equal(people.message, 'success');
  assert.equal(people.number, people.people.length);
  assert.ok(people.people.every((p: { name: string; craft: string }) => p.name && p.craft));
  const listed = await (await fetch(`${sb.gatewayUrl}/system/function/figlet`, { headers: gatewayAuth(sb) })).json();
  assert.equal(listed.image, 'ghcr.io/openfaas/figlet:latest', 'shown with the name the participant deployed');
});

test('an image that is neither in the store nor built in the sandbox is refused', async () => {
  const res = await deploy({ service: 'pulled', image: 'ghcr.io/openfaas/not-in-store:latest' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /was not built in your sandbox[\s\S]*Images cannot be pulled here/);
});
