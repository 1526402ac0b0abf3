import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isAppError } from '../errors';
import { loadCatalogue } from '../labs/catalogue';
import { findCheck, findStepChecks, runCheck, tail, type ShellExec } from './checks';

const labsDir = path.resolve(import.meta.dirname, '../../labs');

test('the script goes to bash in an environment variable, under timeout, stdout and stderr together', async () => {
  const calls: { command: string; env: string[] }[] = [];
  const exec: ShellExec = async (command, opts) => { calls.push({ command, ...opts }); return { code: 0, stdout: '  ok\n\n', stderr: '' }; };
  const script = `faas-cli list | grep -q 'hello'\necho "it's $HOME"`;
  assert.deepEqual(await runCheck(exec, script), { passed: true, output: 'ok' });
  assert.equal(calls[0].command, 'timeout -k 5 30 bash -c "$FAASLAB_CHECK" 2>&1 </dev/null');
  assert.deepEqual(calls[0].env, [`FAASLAB_CHECK=${script}`]);
});

test('a failing check keeps the end of what it printed; a timed-out one says so', async () => {
  const long = `${'x'.repeat(10_000)}\nhello-openfaas is not deployed: run faas-cli up`;
  const failed = await runCheck(async () => ({ code: 1, stdout: long, stderr: '' }), 'false');
  assert.equal(failed.passed, false);
  assert.equal(failed.output.length, 4097);
  assert.ok(failed.output.startsWith('…') && failed.output.endsWith('run faas-cli up'));
  const slow = await runCheck(async () => ({ code: 124, stdout: 'waiting\n', stderr: '' }), 'sleep 99');
  assert.deepEqual(slow, { passed: false, output: 'waiting\n(The check was stopped after 30 s.)' });
  assert.equal(tail('short'), 'short');
});

test('an exec that never comes back ends as a timeout error', async () => {
  await assert.rejects(runCheck(() => new Promise(() => {}), 'true', { timeoutSeconds: 0.05, graceMs: 0 }), (err) => isAppError(err) && err.code === 'timeout');
});

test('checks are found by lab, step and id in the lesson; anything else is not_found', async () => {
  const catalogue = loadCatalogue(labsDir);
  const hello = await findCheck(catalogue, '03-functions', '03-build-deploy-invoke', 'hello-answers');
  assert.match(hello.script, /faas-cli invoke hello-openfaas/);
  assert.equal(hello.title, 'hello-openfaas answers "Hello OpenFaaS"');
  assert.equal(hello.state, 'sandbox');
  assert.match(hello.hint, /return "Hello OpenFaaS"/);
  assert.deepEqual((await findStepChecks(catalogue, '01-prepare', '02-your-gateway'))?.map((c) => [c.id, c.state]), [['logged-in', 'workspace']]);
  assert.equal(await findStepChecks(catalogue, '01-prepare', 'nope'), null);
  for (const [lab, step, id] of [['03-functions', '03-build-deploy-invoke', 'nope'], ['03-functions', '../01-prepare', 'x'], ['nope', 'x', 'y']]) {
    await assert.rejects(findCheck(catalogue, lab, step, id), (err) => isAppError(err) && err.code === 'not_found', `${lab}/${step}/${id}`);
  }
});
