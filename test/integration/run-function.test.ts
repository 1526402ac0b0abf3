import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createJob, type JobEvent } from '../../lib/jobs/jobs';
import { invokeFunction } from '../../lib/faas/invoke';
import { removeInstance, removeSandbox } from '../../lib/sandbox/remove';
import { removeAllHomes } from '../../lib/workspace/home';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { runFunction } from '../../lib/runner/run-function';
import { participantWorkspace } from '../../lib/workspace/participant';
import { leftovers, nothingLeft, participant, testContext } from './helpers';

let ctx: Awaited<ReturnType<typeof testContext>>;
const pid = participant();

before(async () => { ctx = await testContext(); });
after(async () => {
  const row = ctx.q.sandboxOf(pid);
  if (row) await removeSandbox(ctx.engine, ctx.prefix, row.id);
  await removeSandbox(ctx.engine, ctx.prefix, 'nonexistent');
  // the instance's shared parts (control network, Prometheus) go with the instance
  await removeInstance(ctx.engine, ctx.prefix);
  removeAllHomes(ctx.cfg.dataDir);
  assert.deepEqual(await leftovers(ctx.prefix), nothingLeft);
  ctx.close();
});

async function run(content: string, input: string): Promise<JobEvent[]> {
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn: 'hello-openfaas', lang: 'python3', file: 'handler.py', content, input });
  return job.events;
}

const result = (events: JobEvent[]) => events.find((e) => e.type === 'result') as Extract<JobEvent, { type: 'result' }> | undefined;
const error = (events: JobEvent[]) => (events.find((e) => e.type === 'error') as Extract<JobEvent, { type: 'error' }> | undefined)?.error;

test('a python3 handler is built, deployed on the swarm and answers through the sandbox gateway', async () => {
  const events = await run('def handle(req):\n    return "Hello " + req\n', 'OpenFaaS');
  assert.equal(error(events), undefined, JSON.stringify(error(events)));
  assert.deepEqual(events.filter((e) => e.type === 'stage').map((e) => (e as { stage: string }).stage), ['sandbox', 'build', 'deploy', 'invoke']);
  assert.ok(events.some((e) => e.type === 'log' && /^Step \d+\/\d+ : COPY .*function function/.test(e.line)), 'build log streamed');
  assert.equal(result(events)?.status, 200);
  assert.equal(result(events)?.body, 'Hello OpenFaaS\n');
});

test('after editing the handler, the next run answers with the new code', async () => {
  const events = await run('def handle(req):\n    return req.upper()\n', 'shout');
  assert.equal(error(events), undefined, JSON.stringify(error(events)));
  assert.equal(result(events)?.body, 'SHOUT\n');
});

test('a syntax error is reported with its line, and the previous version keeps serving', async () => {
  const events = await run('def handle(req):\n    x = 1\n    return "unterminated\n', 'x');
  const err = error(events);
  assert.equal(err?.code, 'build_failed');
  assert.equal(err?.detail?.file, 'handler.py');
  assert.equal(err?.detail?.line, 3);
  assert.match(err!.message, /SyntaxError in handler.py line 3/);
  assert.equal(result(events), undefined);
  const sandbox = await ensureSandbox(ctx, pid);
  const res = await invokeFunction(sandbox.gatewayUrl, 'hello-openfaas', 'still here');
  assert.equal(res.status, 200);
  assert.equal(res.body, 'STILL HERE\n');
});

test("Run deploys with the participant's stack file: its environment reaches the function, as with faas-cli up", async () => {
  participantWorkspace(ctx.cfg.dataDir, pid).write('hello-openfaas.yml', [
    'version: 1.0', 'provider:', '  name: openfaas', '  gateway: http://127.0.0.1:8080', 'functions:', '  hello-openfaas:',
    '    lang: python3', '    handler: ./hello-openfaas', '    image: hello-openfaas:latest', '    environment:', '      greeting: Bonjour', '',
  ].join('\n'));
  const events = await run('import os\n\ndef handle(req):\n    return os.environ.get("greeting", "Hello") + " " + req\n', 'OpenFaaS');
  assert.equal(error(events), undefined, JSON.stringify(error(events)));
  assert.ok(events.some((e) => e.type === 'log' && e.line === 'Deploying hello-openfaas with its settings from hello-openfaas.yml.'));
  assert.equal(result(events)?.body, 'Bonjour OpenFaaS\n');
  fs.rmSync(participantWorkspace(ctx.cfg.dataDir, pid).dir('hello-openfaas.yml'));
});

test('the gateway answers 404 naming an unknown function, and 400 for an invalid name', async () => {
  const sandbox = await ensureSandbox(ctx, pid);
  const missing = await invokeFunction(sandbox.gatewayUrl, 'no-such-fn', '');
  assert.equal(missing.status, 404);
  assert.match(missing.body, /no-such-fn/);
  const bad = await invokeFunction(sandbox.gatewayUrl, 'Bad_Name', '');
  assert.equal(bad.status, 400);
  assert.match(bad.body, /lowercase/);
});

test('an invalid function name or unknown template is refused before anything is built', async () => {
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn: '../evil', lang: 'python3', file: 'handler.py', content: 'x', input: '' });
  assert.equal(error(job.events)?.code, 'invalid');
  const job2 = createJob(pid);
  await runFunction(ctx, job2, { participantId: pid, fn: 'ok-name', lang: 'cobol', file: 'handler.py', content: 'x', input: '' });
  assert.equal(error(job2.events)?.code, 'invalid');
  assert.match(error(job2.events)!.message, /Unknown template "cobol"/);
});

test('provisioning twice adopts the existing sandbox instead of duplicating it', async () => {
  const a = await ensureSandbox(ctx, pid);
  const b = await ensureSandbox(ctx, pid);
  assert.equal(a.id, b.id);
  const services = (await leftovers(ctx.prefix)).services.filter((s) => s.endsWith('-gateway'));
  assert.equal(services.length, 1);
});
