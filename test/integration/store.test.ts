import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { readCatalog } from '../../lib/store/catalog';
import { gatewayAuth, participant, removeTestInstance, testContext } from './helpers';

// The offline function store: every catalog entry deploys by its catalog image name (what
// `faas-cli store deploy` sends) and answers as Labs 2 and 3 (and OpenFaaS's store) say it
// does; the workshop's sample stack deploys unchanged from its well-known URL.
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

const sh = (cmd: string, stdin?: string) => execInShell(ctx.engine, ctx.prefix, sb.id, cmd, { stdin });
/** `faas-cli invoke fn` with `input` on its stdin, as a participant pipes it; its stdout. */
const call = async (fn: string, input: string) => {
  const r = await sh(`faas-cli invoke ${fn}`, input);
  assert.equal(r.code, 0, `${fn}: ${r.stderr}`);
  return r.stdout;
};
const SAMPLE_STACK = 'https://raw.githubusercontent.com/openfaas/faas/master/stack.yml';
const STORE_URL = 'https://raw.githubusercontent.com/openfaas/store/master/functions.json';

test('the Lab 2 and 3 store functions deploy from their catalog entries and answer as the labs show', async () => {
  const catalog = readCatalog(ctx.cfg.root);
  assert.deepEqual(catalog.map((e) => e.name).sort(), ['astros', 'base64', 'echoit', 'env', 'figlet', 'markdown', 'nodeinfo', 'sentimentanalysis', 'shasum', 'wordcount']);
  for (const e of catalog.filter((c) => ['astros', 'env', 'figlet', 'markdown', 'nodeinfo'].includes(c.name))) {
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

test('faas-cli store deploy: echoit, wordcount, base64, shasum and sentimentanalysis answer as their originals do', async () => {
  for (const name of ['echoit', 'wordcount', 'base64', 'shasum', 'SentimentAnalysis']) {
    const r = await sh(`faas-cli store deploy ${name}`);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`URL: http://gateway:8080/function/${name.toLowerCase()}\n`));
  }
  assert.equal(await call('echoit', 'Hello, OpenFaaS'), 'Hello, OpenFaaS');
  assert.match(await call('wordcount', 'one two three\nfour\n'), /^\s*2\s+4\s+19\n$/);
  assert.equal(await call('base64', 'OpenFaaS'), 'T3BlbkZhYVM=\n');
  assert.equal(await call('shasum', 'OpenFaaS'), `${createHash('sha512').update('OpenFaaS').digest('hex')}  -\n`);
  const mood = JSON.parse(await call('sentimentanalysis', "California is great, it's always sunny there."));
  assert.deepEqual(mood, { polarity: 0.8, sentence_count: 1, subjectivity: 0.75 });
  const two = JSON.parse(await call('sentimentanalysis', 'The food was awful. The staff were very nice!'));
  assert.equal(two.sentence_count, 2);
  assert.ok(two.polarity < 0.5 && two.polarity > -1 && two.subjectivity > 0.5, JSON.stringify(two));
  const typed = await fetch(`${sb.gatewayUrl}/function/sentimentanalysis`, { method: 'POST', body: 'I love it.' });
  assert.equal(typed.headers.get('content-type'), 'application/json');
});

test('store list --url with the store\'s own URL reads the offline mirror and says so; another URL is refused clearly', async () => {
  const r = await sh(`faas-cli store list --url ${STORE_URL}`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /served from FaaS Lab's offline mirror \(the function store\); this sandbox has no internet/);
  assert.match(r.stdout, /^SentimentAnalysis +Rates the sentiment/m);
  const other = await sh('faas-cli store list --url https://example.com/functions.json');
  assert.equal(other.code, 1);
  assert.match(other.stderr, /cannot fetch the function store https:\/\/example\.com\/functions\.json: .*\nThis sandbox has no internet/);
});

test('faas-cli deploy -f <the sample stack URL> deploys the workshop functions from the mirror; they answer; hubstats is skipped', async () => {
  const removed = await sh(`faas-cli remove -f ${SAMPLE_STACK}`);
  assert.equal(removed.code, 0, removed.stderr);
  const r = await sh(`faas-cli deploy -f ${SAMPLE_STACK}`);
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.equal(r.stderr.split('\n')[0], `${SAMPLE_STACK}: served from FaaS Lab's offline mirror (the workshop's Lab 2 sample functions); this sandbox has no internet.`);
  assert.match(r.stderr, /^Skipping hubstats: it counts a user's images on Docker Hub, which cannot be reached from here\.$/m);
  for (const fn of ['nodeinfo', 'echoit', 'wordcount', 'base64', 'markdown']) assert.match(r.stdout, new RegExp(`^Deploying: ${fn}\.$`, 'm'));
  assert.doesNotMatch(r.stdout, /hubstats/);
  assert.equal(await call('echoit', 'Hi'), 'Hi');
  assert.match(await call('wordcount', 'a b c'), /^\s*0\s+3\s+5\n$/);
  assert.equal(await call('base64', 'Hi'), 'SGk=\n');
  assert.equal(await call('markdown', '## The **OpenFaaS** _workshop_'), '<h2>The <strong>OpenFaaS</strong> <em>workshop</em></h2>');
  assert.match(await call('nodeinfo', ''), /^Hostname: \S+\nPlatform: linux\n/);
  const described = await sh('faas-cli describe wordcount');
  assert.match(described.stdout, /^Image: +functions\/alpine:latest$/m, 'shown with the stack\'s image name');
  assert.match(described.stdout, /^Function process: +wc$/m);
  const markdown = await fetch(`${sb.gatewayUrl}/function/markdown`, { method: 'POST', body: '# Hi' });
  assert.equal(markdown.headers.get('content-type'), 'text/html');
  const listed = await sh('faas-cli list -q');
  assert.doesNotMatch(listed.stdout, /^hubstats$/m);
});

test('hubstats and any other image that is neither a store image nor built here are refused with the usual message', async () => {
  const r = await sh('faas-cli deploy --image functions/hubstats:latest --name hubstats');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Function 'hubstats' failed to deploy with status code: 400[\s\S]*Images cannot be pulled here/);
  const alpineTag = await sh('faas-cli deploy --image functions/alpine:3.12 --name old-alpine');
  assert.equal(alpineTag.code, 1, 'only the tags the workshop names are aliases');
});
