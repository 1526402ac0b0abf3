import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participantWorkspace } from '../../lib/workspace/participant';
import { participant, removeTestInstance, testContext } from './helpers';

// What people copy from the original workshop (workshop@56d1f96's sample solutions, Lab 3's
// commands) works unchanged in a sandbox: lang python, gateway http://localhost:8080,
// curl http://127.0.0.1:8080/…, and the astronaut finder calling api.open-notify.org.
// docs/emulation.md says how each is emulated.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();
const sh = (cmd: string) => execInShell(ctx.engine, ctx.prefix, sb.id, `cd ~/lab3 && ${cmd}`);
const ws = () => participantWorkspace(ctx.cfg.dataDir, pid);
const ok = (r: { code: number; stdout: string; stderr: string }) => assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);

// The workshop's own files, as they are in its repository.
const HELLO_YML = `provider:
  name: openfaas
  gateway: http://localhost:8080

functions:
  hello-openfaas:
    lang: python
    handler: ./hello-openfaas
    image: alexellis2/hello-openfaas
    environment:
      write_debug: true
`;
const ASTRONAUT_YML = `provider:
  name: openfaas
  gateway: http://127.0.0.1:8080

functions:
  astronaut-finder:
    lang: python
    handler: ./astronaut-finder
    image: astronaut-finder
`;
const ASTRONAUT_HANDLER = `import requests
import random

def handle(req):
    r = requests.get("http://api.open-notify.org/astros.json")
    result = r.json()
    index = random.randint(0, len(result["people"])-1)
    name = result["people"][index]["name"]

    return "%s is in space" % (name)
`;

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  await execInShell(ctx.engine, ctx.prefix, sb.id, 'mkdir -p lab3');
});
after(() => removeTestInstance(ctx, [pid]));

test('hello-openfaas.yml from the workshop (lang python, gateway http://localhost:8080, write_debug) goes up unchanged and answers', async () => {
  ws().write('lab3/hello-openfaas.yml', HELLO_YML);
  ws().write('lab3/hello-openfaas/handler.py', 'def handle(req):\n    return req\n');
  ws().write('lab3/hello-openfaas/requirements.txt', '');
  // Without OPENFAAS_URL, faas-cli uses the stack file's gateway, as on the participant's laptop.
  const up = await sh('env -u OPENFAAS_URL faas-cli up -f hello-openfaas.yml');
  ok(up);
  assert.match(up.stdout, /Building: alexellis2\/hello-openfaas:latest with python template\. Please wait\.\.\nNote: lang python is served by the python3 template here: /);
  assert.match(up.stdout, /Deployed\. 202 Accepted\.\nURL: http:\/\/localhost:8080\/function\/hello-openfaas\n/);

  const invoke = await sh('echo -n "Hi there" | env -u OPENFAAS_URL faas-cli invoke hello-openfaas -f hello-openfaas.yml');
  ok(invoke);
  assert.equal(invoke.stdout, 'Hi there\n');
  const fn = await sh('curl -s -u "$(cat /run/secrets/basic-auth-user):$(cat /run/secrets/basic-auth-password)" http://127.0.0.1:8080/system/function/hello-openfaas');
  ok(fn);
  assert.equal((JSON.parse(fn.stdout) as { envVars?: Record<string, string> }).envVars?.write_debug, 'true');
});

test('curl http://127.0.0.1:8080/function/… and OPENFAAS_URL=http://127.0.0.1:8080 reach the sandbox\'s own gateway', async () => {
  const curl = await sh('curl -s -d "from curl" http://127.0.0.1:8080/function/hello-openfaas');
  ok(curl);
  assert.equal(curl.stdout, 'from curl\n');
  assert.equal((await sh('curl -s http://localhost:8080/healthz')).stdout, 'OK');
  const list = await sh('OPENFAAS_URL=http://127.0.0.1:8080 faas-cli list');
  ok(list);
  assert.match(list.stdout, /^hello-openfaas\s+\d+\s+1\s*$/m);
  // A gateway outside the sandbox is still out of reach.
  const outside = await sh('faas-cli list -g http://192.0.2.10:8080');
  assert.equal(outside.code, 1);
  assert.match(outside.stderr, /cannot connect to OpenFaaS on URL: http:\/\/192\.0\.2\.10:8080/);
});

test('faas-cli new --lang python, template pull of python3-debian, and the template store\'s node10-express say what they do here', async () => {
  const created = await sh('faas-cli new --lang python hello-python && cat hello-python.yml');
  ok(created);
  assert.match(created.stdout, /Note: lang python is served by the python3 template here: /);
  assert.match(created.stdout, /lang: python\n/);
  const pulled = await sh('faas-cli template pull https://github.com/openfaas-incubator/python3-debian && faas-cli new --list | grep python');
  ok(pulled);
  assert.match(pulled.stdout, /- python\n- python3\n- python3-debian\n- python3-http\n$/);
  const store = await sh('faas-cli template store pull node10-express');
  assert.equal(store.code, 1);
  assert.match(store.stderr, /template node10-express is not available here: [\s\S]*Use the node template instead/);
});

test('the astronaut finder, unchanged with requests in requirements.txt, answers "<name> is in space" from the api.open-notify.org stand-in', async () => {
  ws().write('lab3/astronaut-finder.yml', ASTRONAUT_YML);
  ws().write('lab3/astronaut-finder/handler.py', ASTRONAUT_HANDLER);
  ws().write('lab3/astronaut-finder/requirements.txt', 'requests\n');
  const up = await sh('faas-cli up -f astronaut-finder.yml');
  ok(up);
  assert.match(up.stdout, /Successfully installed .*requests-2\./);
  for (let i = 0; i < 2; i++) {
    const invoke = await sh('echo | faas-cli invoke astronaut-finder');
    ok(invoke);
    assert.match(invoke.stdout, /^[A-Z][\w .-]+ is in space\n$/);
  }
  // The first call deployed the store's astros function as the stand-in.
  assert.match((await sh('faas-cli list')).stdout, /^astros\s/m);
  const astros = JSON.parse((await sh('curl -s http://api.open-notify.org/astros.json')).stdout) as { message: string; people: unknown[] };
  assert.equal(astros.message, 'success');
  assert.ok(astros.people.length > 0);
  const other = await sh('curl -s -o /dev/null -w "%{http_code}" http://api.open-notify.org/iss-now.json');
  assert.equal(other.stdout, '404');
});

test('other public names still resolve nowhere, from the shell and from a function', async () => {
  // A lookup that leaves nowhere may fail only after the resolver's timeout: bounded here
  // (test/integration/outside.test.ts proves that no query leaves the machine).
  for (const name of ['open-notify.org', 'www.example.com']) {
    const r = await sh(`timeout 5 getent hosts ${name}`);
    assert.notEqual(r.code, 0, `${name} resolved: ${r.stdout}`);
  }
  assert.equal((await sh('getent hosts api.open-notify.org')).code, 0);
  const probe = [
    'import socket, threading',
    '',
    'def handle(req):',
    '    found = []',
    '    t = threading.Thread(target=lambda: found.append(socket.gethostbyname(req.strip())), daemon=True)',
    '    t.start()',
    '    t.join(4)',
    '    return ("resolved " + found[0]) if found else "unresolved"',
    '',
  ].join('\n');
  ws().write('lab3/probe/handler.py', probe);
  ws().write('lab3/probe/requirements.txt', '');
  ok(await sh('faas-cli up --image probe --name probe --lang python3 --handler ./probe'));
  const unknown = await sh('echo www.example.com | faas-cli invoke probe');
  ok(unknown);
  assert.equal(unknown.stdout, 'unresolved\n');
  assert.match((await sh('echo api.open-notify.org | faas-cli invoke probe')).stdout, /^resolved \d+\.\d+\.\d+\.\d+\n$/);
});
