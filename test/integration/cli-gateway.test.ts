import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { removeInstance } from '../../lib/sandbox/remove';
import { removeAllHomes } from '../../lib/workspace/home';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { deployFunction, gatewayAuth, leftovers, nothingLeft, participant, testContext } from './helpers';

// The gateway-facing faas-cli commands, run as a participant runs them: in their sandbox shell,
// against http://gateway:8080, with the credentials the shell has mounted (or saved by login).
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
let upperImage: string;
const pid = participant();
const sh = (cmd: string, stdin?: string) => execInShell(ctx.engine, ctx.prefix, sb.id, cmd, { stdin });

// Shows what reached it: body, query string, a custom header, method and content type.
const ECHO = `import os

def handle(req):
    if req == "fail":
        raise Exception("asked to fail")
    env = lambda k: os.environ.get(k, "")
    return "body=%s query=%s trace=%s method=%s type=%s" % (req, env("Http_Query"), env("Http_X_Trace"), env("Http_Method"), env("Http_Content_Type"))
`;
const UPPER = 'def handle(req):\n    return req.upper()\n';
const COUNT = 'def handle(req):\n    return "%d words" % len(req.split())\n';

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  await deployFunction(ctx, sb, pid, 'echo', { 'handler.py': ECHO });
  upperImage = await deployFunction(ctx, sb, pid, 'upper', { 'handler.py': UPPER });
  await deployFunction(ctx, sb, pid, 'count', { 'handler.py': COUNT });
});

after(async () => {
  await removeInstance(ctx.engine, ctx.prefix);
  removeAllHomes(ctx.cfg.dataDir);
  assert.deepEqual(await leftovers(ctx.prefix), nothingLeft);
  ctx.close();
});

test('faas-cli help shows every command, and help for one command', async () => {
  const all = await sh('faas-cli help');
  assert.equal(all.code, 0, all.stderr);
  for (const cmd of ['invoke', 'list|ls', 'describe', 'logs', 'remove|rm', 'secret', 'login', 'logout', 'store']) assert.ok(all.stdout.includes(cmd), cmd);
  const invoke = await sh('faas-cli help invoke');
  assert.equal(invoke.code, 0);
  assert.match(invoke.stdout, /Usage: faas-cli invoke \[options\] <NAME>/);
  assert.match(invoke.stdout, /--content-type <type>/);
  const missing = await sh('faas-cli invoke');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /missing required argument 'NAME'/);
});

test('invoke sends stdin as the body, with headers, query and content type, and prints the answer as is', async () => {
  const r = await sh('faas-cli invoke echo -H "X-Trace: on" --query workshop=1 --query lab=3 --content-type application/json', '{"a":1}');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'body={"a":1} query=lab=3&workshop=1 trace=on method=POST type=application/json\n', 'the query sorted, as faas-cli encodes it');
  assert.equal(r.stderr, '', 'no TTY, so no "Reading from STDIN" prompt');
  const old = await sh('faas-cli invoke echo -H X-Trace=on', 'x');
  assert.match(old.stdout, /trace=on/, 'the older -H key=value still works');
  assert.match(old.stderr, /-H key=value form is deprecated, use -H "Key: Value"/);
  const get = await sh('faas-cli invoke echo -m GET < /dev/null');
  assert.match(get.stdout, /method=GET/);
});

test('invokes chain through a pipe', async () => {
  const r = await sh('echo serverless functions are fun | faas-cli invoke upper | faas-cli invoke count');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '4 words\n');
  // The classic python3 template print()s the handler's answer: a newline more, passed on as is.
  const upper = await sh('echo hi | faas-cli invoke upper');
  assert.equal(upper.stdout, 'HI\n\n');
});

test('a failing function, a missing one and a bad flag fail with the reason and exit 1', async () => {
  const failed = await sh('echo -n fail | faas-cli invoke echo');
  assert.equal(failed.code, 1);
  assert.equal(failed.stdout, '');
  assert.match(failed.stderr, /^Error: server returned unexpected status code: 500 - [\s\S]*Exception: asked to fail/m);
  assert.match(failed.stderr, /faas-cli logs echo/);
  const missing = await sh('echo hi | faas-cli invoke nope');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /server returned unexpected status code: 404 - Function "nope" not found\./);
  const badHeader = await sh('echo hi | faas-cli invoke echo -H X-Trace');
  assert.equal(badHeader.code, 1);
  assert.match(badHeader.stderr, /Error: the --header or -H flag must take the form of "Key: Value"/);
});

test('invoke --async is accepted at once with faas-cli\'s words', async () => {
  const r = await sh('echo later | faas-cli invoke upper --async');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'Function submitted asynchronously.\n');
});

test('list, list -v and list -q', async () => {
  const plain = await sh('faas-cli list');
  assert.equal(plain.code, 0, plain.stderr);
  const lines = plain.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'Function                      \tInvocations    \tReplicas');
  assert.deepEqual(lines.slice(1).map((l) => l.split(/\s+/)[0]), ['count', 'echo', 'upper']);
  const upper = lines.find((l) => l.startsWith('upper'))!.split('\t').map((c) => c.trim());
  assert.ok(Number(upper[1]) >= 2, `upper was invoked: ${upper}`);
  assert.equal(upper[2], '1');

  const verbose = await sh('faas-cli ls -v');
  assert.match(verbose.stdout, /^Function {22}\tImage {35}\tInvocations {4}\tReplicas\n/);
  assert.match(verbose.stdout, new RegExp(`^echo +\\t${ctx.prefix}-${sb.id}-echo:`, 'm'));

  const quiet = await sh('faas-cli list -q');
  assert.equal(quiet.stdout, 'count\necho\nupper\n');
});

test('list --sort invocations puts the most called first', async () => {
  const r = await sh('faas-cli list --sort invocations');
  assert.equal(r.code, 0, r.stderr);
  const counts = r.stdout.trimEnd().split('\n').slice(1).map((l) => Number(l.split('\t')[1]));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
});

test('-n openfaas-fn is the sandbox\'s namespace, sent as faas-cli sends it; another one is refused before any request', async () => {
  assert.equal((await sh('faas-cli list -q -n openfaas-fn')).stdout, 'count\necho\nupper\n', 'GET /system/functions?namespace=openfaas-fn');
  const described = await sh('faas-cli describe upper -n openfaas-fn');
  assert.equal(described.code, 0, described.stderr);
  assert.match(described.stdout, /^URL: +http:\/\/gateway:8080\/function\/upper\.openfaas-fn$/m);
  // POST /function/upper.openfaas-fn: needs the gateway to take <name>.openfaas-fn.
  const invoked = await sh('echo hi | faas-cli invoke upper -n openfaas-fn');
  assert.equal(invoked.code, 0, invoked.stderr);
  assert.equal(invoked.stdout, 'HI\n\n');
  assert.equal((await sh('faas-cli secret list -n openfaas-fn')).code, 0, 'GET /system/secrets?namespace=openfaas-fn');
  for (const cmd of ['faas-cli list -n staging', 'faas-cli logs upper -n staging', 'echo | faas-cli invoke upper -n staging', 'faas-cli remove upper -n staging']) {
    const r = await sh(cmd);
    assert.equal(r.code, 1, cmd);
    assert.match(r.stderr, /namespace "staging" is not available: this sandbox's functions all live in the namespace openfaas-fn/, cmd);
  }
});

test('describe shows the function as faas-cli does; a missing one says so', async () => {
  const r = await sh('faas-cli describe upper');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Name:                upper$/m);
  assert.match(r.stdout, /^Status:              Ready$/m);
  assert.match(r.stdout, /^Replicas:            1$/m);
  assert.match(r.stdout, /^Available replicas:  1$/m);
  assert.match(r.stdout, /^Invocations:         \d+$/m);
  assert.match(r.stdout, /^Function process:    $/m, 'deployed without envProcess (the template image has it)');
  assert.match(r.stdout, /^URL:                 http:\/\/gateway:8080\/function\/upper$/m);
  assert.match(r.stdout, /^Async URL:           http:\/\/gateway:8080\/async-function\/upper$/m);
  const missing = await sh('faas-cli describe nope');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /Error: No such function: nope/);
});

test('logs show what a write_debug function printed', async () => {
  // Redeploy upper with write_debug, as `faas-cli deploy` with environment: would.
  const res = await fetch(`${sb.gatewayUrl}/system/functions`, {
    method: 'PUT', headers: { ...gatewayAuth(sb), 'Content-Type': 'application/json' },
    body: JSON.stringify({ service: 'upper', image: upperImage, envVars: { write_debug: 'true' } }),
  });
  assert.equal(res.status, 202, await res.text());
  const call = await sh('echo please log me | faas-cli invoke upper');
  assert.equal(call.stdout, 'PLEASE LOG ME\n\n', call.stderr);
  let logs = { code: -1, stdout: '', stderr: '' };
  for (let i = 0; i < 20 && !logs.stdout.includes('PLEASE LOG ME'); i++) {
    if (i) await new Promise((r) => setTimeout(r, 500));
    logs = await sh('faas-cli logs upper --tail=false --lines 50');
  }
  assert.equal(logs.code, 0, logs.stderr);
  assert.match(logs.stdout, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ PLEASE LOG ME$/m);
  const named = await sh('faas-cli logs upper --tail=false --since 5m --name -o keyvalue');
  assert.match(named.stdout, /^timestamp="[^"]+" name="upper" text="PLEASE LOG ME" $/m);
  const json = await sh('faas-cli logs upper --tail=false --lines 5 -o json -n openfaas-fn');
  assert.ok(json.stdout.trim().split('\n').every((l) => JSON.parse(l).name === 'upper'), json.stdout);
  // By default it keeps following until stopped (here by timeout, as Ctrl+C would).
  const followed = await sh('timeout 3 faas-cli logs upper --since 5m; echo "exit=$?"');
  assert.match(followed.stdout, /PLEASE LOG ME[\s\S]*exit=124\n$/);
  const bad = await sh('faas-cli logs upper --since 5minutes');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /invalid argument "5minutes" for "--since" flag/);
  // faas-cli 0.17 has no --follow, and its --tail is the follow switch, not a count.
  const follow = await sh('faas-cli logs upper --follow=false');
  assert.equal(follow.code, 1);
  assert.match(follow.stderr, /^Error: unknown flag: --follow\n.*--tail=false/m);
  const count = await sh('faas-cli logs upper --tail 5');
  assert.equal(count.code, 1);
  assert.match(count.stderr, /use --lines 5/);
});

test('secrets: create, list, a second create, update (not possible on Swarm), remove', async () => {
  const created = await sh('faas-cli secret create api-key --from-literal=s3cr3t');
  assert.equal(created.code, 0, created.stderr);
  assert.equal(created.stdout, 'Creating secret: api-key\nCreated: 201 Created\n');
  const fromStdin = await sh('faas-cli secret create db-password', 'hunter2\n');
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  const listed = await sh('faas-cli secret ls');
  assert.equal(listed.stdout, '\nNAME\napi-key\ndb-password\n\n');
  const again = await sh('faas-cli secret create api-key --from-literal=x');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /secret with the name "api-key" already exists/);
  const update = await sh('faas-cli secret update api-key --from-literal=new');
  assert.equal(update.code, 1);
  assert.match(update.stderr, /Docker Swarm secrets cannot be changed[\s\S]*faas-cli secret remove api-key && faas-cli secret create api-key/);
  const badName = await sh('faas-cli secret create API_KEY --from-literal=x');
  assert.equal(badName.code, 1);
  assert.match(badName.stderr, /invalid secret name: API_KEY/);
  for (const name of ['api-key', 'db-password']) {
    const removed = await sh(`faas-cli secret rm ${name}`);
    assert.equal(removed.stdout, 'Removed.. OK.\n', removed.stderr);
  }
  assert.equal((await sh('faas-cli secret list')).stdout, 'No secrets found.\n');
  const missing = await sh('faas-cli secret remove api-key');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /unable to find secret: api-key/);
});

test('login checks the password, saves it for the gateway; logout forgets it', async () => {
  const wrong = await sh('echo -n wrong | faas-cli login --username admin --password-stdin');
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^Error: unable to login, either username or password is incorrect$/m);
  assert.match(wrong.stdout, /Calling the OpenFaaS server to validate the credentials\.\.\./);

  const right = await sh('cat /run/secrets/basic-auth-password | faas-cli login --username admin --password-stdin');
  assert.equal(right.code, 0, right.stderr);
  assert.equal(right.stdout, [
    'Calling the OpenFaaS server to validate the credentials...',
    'WARNING! Communication is not secure, please consider using HTTPS. Letsencrypt.org offers free SSL/TLS certificates.',
    'credentials saved for admin http://gateway:8080',
    '',
  ].join('\n'));
  const config = await sh('cat ~/.openfaas/config.yml');
  assert.match(config.stdout, /gateway: http:\/\/gateway:8080/);
  assert.match(config.stdout, new RegExp(`token: ${Buffer.from(`admin:${sb.credentials.password}`).toString('base64')}`));
  assert.equal((await sh('faas-cli list -q')).code, 0, 'the saved credentials work');

  const out = await sh('faas-cli logout');
  assert.equal(out.stdout, 'credentials removed for http://gateway:8080\n', out.stderr);
  const again = await sh('faas-cli logout');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /gateway http:\/\/gateway:8080 not found in config/);
});

test('store list and describe read the offline catalog', async () => {
  const list = await sh('faas-cli store list');
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^\nFUNCTION +DESCRIPTION\n/);
  assert.match(list.stdout, /^figlet +\S/m);
  const describe = await sh('faas-cli store describe figlet');
  assert.match(describe.stdout, /^Image: +ghcr\.io\/openfaas\/figlet:latest$/m);
  assert.match(describe.stdout, /^Process: +figlet$/m);
  const missing = await sh('faas-cli store deploy nope');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /function 'nope' not found\n.*faas-cli store list/);
});

test('store deploy figlet, then invoke it', async (t) => {
  if (!storeImagesBuilt()) return t.skip('the store images are not part of this platform build');
  const r = await sh('faas-cli store deploy figlet');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '\nDeployed. 202 Accepted.\nURL: http://gateway:8080/function/figlet\n\n');
  const art = await sh('echo OpenFaaS | faas-cli invoke figlet');
  assert.equal(art.code, 0, art.stderr);
  assert.match(art.stdout, /\| \|_\| \| \|_\) \|  __\/ \| \| \|  _\| \(_\| \| \(_\| \|___\) \|/);
  const described = await sh('faas-cli describe figlet');
  assert.match(described.stdout, /^Function process:    figlet$/m);
  const banner = await sh('faas-cli store deploy Figlet --name banner --label team=blue');
  assert.equal(banner.code, 0, banner.stderr);
  assert.match((await sh('faas-cli describe banner')).stdout, /^Labels: +team : blue$/m);
});

test('remove deletes a function; removing it again says there is none', async () => {
  const r = await sh('faas-cli remove count');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'Deleting: count.\nRemoving old function.\n');
  assert.doesNotMatch((await sh('faas-cli list -q')).stdout, /^count$/m);
  const again = await sh('faas-cli rm count');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /No existing function to remove: count/);
});

function storeImagesBuilt(): boolean {
  return Boolean((ctx.images as { store?: Record<string, string> }).store?.figlet);
}
