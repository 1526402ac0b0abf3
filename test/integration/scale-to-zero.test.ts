import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { names } from '../../lib/docker/names';
import { waitForTasks } from '../../lib/docker/services';
import { createJob } from '../../lib/jobs/jobs';
import { stopPackageIndex } from '../../lib/pkgindex/server';
import { scaleIdleFunctions } from '../../lib/sandbox/idle-scaler';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { removeInstance } from '../../lib/sandbox/remove';
import { removeAllHomes } from '../../lib/workspace/home';
import { runFunction } from '../../lib/runner/run-function';
import { leftovers, nothingLeft, participant, testContext } from './helpers';

let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();

before(async () => {
  ctx = await testContext();
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn: 'sleepy', lang: 'python3', file: 'handler.py', content: 'def handle(req):\n    return "awake: " + req\n', input: 'first' });
  assert.ok(job.events.some((e) => e.type === 'result'), JSON.stringify(job.events.filter((e) => e.type === 'error')));
  sb = await ensureSandbox(ctx, pid);
});

after(async () => {
  await removeInstance(ctx.engine, ctx.prefix);
  removeAllHomes(ctx.cfg.dataDir);
  assert.deepEqual(await leftovers(ctx.prefix), nothingLeft);
  ctx.close();
  await stopPackageIndex();
});

const auth = () => ({ Authorization: `Basic ${Buffer.from(`${sb.credentials.user}:${sb.credentials.password}`).toString('base64')}` });
const describe = async () => (await fetch(`${sb.gatewayUrl}/system/function/sleepy`, { headers: auth() })).json();

test('an idle function is scaled to zero, shows as such, and the next call is held until it answers', async () => {
  assert.deepEqual(await scaleIdleFunctions(ctx, 60_000), [], 'a function used moments ago is not idle');
  await new Promise((r) => setTimeout(r, 2500));
  assert.deepEqual(await scaleIdleFunctions(ctx, 2000), [`${sb.id}/sleepy`]);
  let fn = await describe();
  assert.equal(fn.replicas, 0);
  assert.equal(fn.availableReplicas, 0);
  // Wait until the last task has really stopped (Swarm keeps it ~2 s), so the call below
  // must go through the wake-up path rather than reach the old container.
  const service = names.functionService(ctx.prefix, sb.id, 'sleepy');
  const { ok } = await waitForTasks(ctx.engine, service, (ts) => ts.every((t) => t.state !== 'running'), 30_000);
  assert.ok(ok);
  assert.equal(fn.availableReplicas, 0);

  const t0 = Date.now();
  const res = await fetch(`${sb.gatewayUrl}/function/sleepy`, { method: 'POST', body: 'again' });
  const wakeMs = Date.now() - t0;
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'awake: again\n');
  console.log(`# wake-up from zero to first answer: ${wakeMs} ms`);
  fn = await describe();
  assert.equal(fn.replicas, 1);
});

test('an unknown function still answers 404 by name (no wake-up for what does not exist)', async () => {
  const res = await fetch(`${sb.gatewayUrl}/function/never-deployed`, { method: 'POST', body: '' });
  assert.equal(res.status, 404);
  assert.match(await res.text(), /never-deployed/);
});
