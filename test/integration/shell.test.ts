import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participantWorkspace } from '../../lib/workspace/participant';
import { participant, removeTestInstance, testContext } from './helpers';

// The participant's shell container (the terminal runs in it): on the sandbox network with the
// gateway, the workspace as home, faas-cli installed, no Docker.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();
const sh = (cmd: string, stdin?: string) => execInShell(ctx.engine, ctx.prefix, sb.id, cmd, { stdin });

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
});

after(() => removeTestInstance(ctx, [pid]));

test('the shell has faas-cli, OPENFAAS_URL and the tools the labs use', async () => {
  const r = await sh('faas-cli version --short-version && echo "$OPENFAAS_URL" && command -v bash tmux python3 node curl nano vi | wc -l');
  assert.equal(r.code, 0, r.stderr);
  const [version, url, tools] = r.stdout.trim().split('\n');
  assert.match(version, /^\d+\.\d+\.\d+$/);
  assert.equal(url, 'http://gateway:8080');
  assert.equal(tools, '7');
});

test('the gateway answers from the shell at http://gateway:8080, and the credentials are there for faas-cli', async () => {
  const r = await sh('curl -s -o /dev/null -w "%{http_code}" http://gateway:8080/healthz; echo; curl -s -o /dev/null -w "%{http_code}" -u "$(cat /run/secrets/basic-auth-user):$(cat /run/secrets/basic-auth-password)" http://gateway:8080/system/functions');
  assert.equal(r.stdout.trim(), '200\n200');
});

test('the workspace is the home folder: a file saved by the web app is in the shell and back', async () => {
  participantWorkspace(ctx.cfg.dataDir, pid).write('hello-openfaas/handler.py', 'def handle(req):\n    return req\n');
  const r = await sh('cat hello-openfaas/handler.py && echo "from the shell" > notes.txt', '');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'def handle(req):\n    return req\n');
  assert.equal(participantWorkspace(ctx.cfg.dataDir, pid).read('notes.txt'), 'from the shell\n');
});

test('no Docker in the shell: no socket, no client', async () => {
  const r = await sh('ls -l /var/run/docker.sock; command -v docker; echo done');
  assert.match(r.stderr, /No such file or directory/);
  assert.equal(r.stdout.trim(), 'done');
});
