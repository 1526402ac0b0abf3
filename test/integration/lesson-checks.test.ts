import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isAppError } from '../../lib/errors';
import { loadCatalogue } from '../../lib/labs/catalogue';
import { runCheck, runStepCheck } from '../../lib/lessons/checks';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participantWorkspace } from '../../lib/workspace/participant';
import { participant, removeTestInstance, testContext } from './helpers';

// A lesson's "Check" button: the check block of the real lesson (labs/), run in a real
// sandbox's shell as POST /api/checks runs it (lib/lessons/checks.ts runStepCheck).
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();
const catalogue = loadCatalogue(path.resolve(import.meta.dirname, '../../labs'));
const hello = { lab: '03-functions', step: '03-build-deploy-invoke', id: 'hello-answers' };
const sh = (cmd: string) => execInShell(ctx.engine, ctx.prefix, sb.id, cmd);

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
});
after(() => removeTestInstance(ctx, [pid]));

test('hello-answers fails with what to do until hello-openfaas answers "Hello OpenFaaS", then passes', async () => {
  const before = await runStepCheck(ctx, catalogue, pid, hello);
  assert.equal(before.passed, false);
  assert.match(before.output, /hello-openfaas does not answer yet: run faas-cli up -f hello-openfaas\.yml in ~\/lab3/);
  // the hint of checks.yaml comes with a failure: what to do next
  assert.match(before.hint ?? '', /^Make the last line of lab3\/hello-openfaas\/handler\.py return "Hello OpenFaaS"/);

  // the lesson's steps: new, then deploy the template's echo (wrong answer), then the change
  const made = await sh('mkdir -p ~/lab3 && cd ~/lab3 && faas-cli new --lang python3 hello-openfaas -q && faas-cli up -f hello-openfaas.yml --quiet');
  assert.equal(made.code, 0, made.stdout + made.stderr);
  const echoing = await runStepCheck(ctx, catalogue, pid, hello);
  assert.equal(echoing.passed, false);
  assert.equal(echoing.output, 'hello-openfaas answered: \nIt should answer: Hello OpenFaaS.');

  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  ws.write('lab3/hello-openfaas/handler.py', ws.read('lab3/hello-openfaas/handler.py')!.replace('    return req', '    return "Hello OpenFaaS"'));
  const up = await sh('cd ~/lab3 && faas-cli up -f hello-openfaas.yml --quiet');
  assert.equal(up.code, 0, up.stdout + up.stderr);
  assert.deepEqual(await runStepCheck(ctx, catalogue, pid, hello), { passed: true, output: 'hello-openfaas answers: Hello OpenFaaS' });
});

test('rebuilt-after-edit passes only once the image is built again from the edited handler', async () => {
  const rebuilt = { ...hello, id: 'rebuilt-after-edit' };
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  const unchanged = await runStepCheck(ctx, catalogue, pid, rebuilt);
  assert.equal(unchanged.passed, false);
  assert.equal(unchanged.output, 'handler.py still returns "Hello OpenFaaS": change the message first.');

  // saved but not deployed: the running image is the old one, and the check says so
  ws.write('lab3/hello-openfaas/handler.py', ws.read('lab3/hello-openfaas/handler.py')!.replace('"Hello OpenFaaS"', '"Hello from my own function"'));
  const stale = await runStepCheck(ctx, catalogue, pid, rebuilt);
  assert.equal(stale.passed, false);
  assert.equal(stale.output, 'handler.py returns:     Hello from my own function\nhello-openfaas answers: Hello OpenFaaS\nThe running function was built from the handler as it was before your edit.');
  assert.match(stale.hint ?? '', /press Deploy in the editor/);

  const up = await sh('cd ~/lab3 && faas-cli up -f hello-openfaas.yml --quiet');
  assert.equal(up.code, 0, up.stdout + up.stderr);
  const fresh = await runStepCheck(ctx, catalogue, pid, rebuilt);
  assert.deepEqual(fresh, { passed: true, output: 'hello-openfaas answers "Hello from my own function", as your edited handler.py says: its image was rebuilt and deployed.' });
});

test('an unknown check, step or lab is not_found (404) and runs nothing', async () => {
  for (const req of [{ ...hello, id: 'no-such-check' }, { ...hello, step: '99-nope' }, { ...hello, lab: '../labs' }]) {
    await assert.rejects(runStepCheck(ctx, catalogue, pid, req), (err) => isAppError(err) && err.code === 'not_found' && err.status === 404 && /no check|no step/.test(err.message));
  }
});

test('a check runs as the terminal would, in the workspace with its environment; one that hangs is stopped', async () => {
  const exec = (command: string, opts: { env: string[] }) => execInShell(ctx.engine, ctx.prefix, sb.id, command, opts);
  const env = await runCheck(exec, 'pwd; echo "$OPENFAAS_URL"; echo "to stderr" >&2; ls lab3 | grep -c hello-openfaas');
  assert.deepEqual(env, { passed: true, output: '/home/app\nhttp://gateway:8080\nto stderr\n2' });
  const t0 = Date.now();
  const slow = await runCheck(exec, 'echo waiting; sleep 30', { timeoutSeconds: 2 });
  assert.deepEqual(slow, { passed: false, output: 'waiting\n(The check was stopped after 2 s.)' });
  assert.ok(Date.now() - t0 < 10_000);
});
