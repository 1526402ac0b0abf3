import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LABEL, ownedFilter, ownedLabels } from '../../lib/docker/labels';
import { openDb } from '../../lib/db/open';
import { names } from '../../lib/docker/names';
import { extendSandbox, resetSandbox, sandboxStatus } from '../../lib/sandbox/lifecycle';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { QUIET_MS, noteClaim } from '../../lib/sandbox/claim-quiet';
import { fillPool } from '../../lib/sandbox/pool';
import { reapSandboxes } from '../../lib/sandbox/reaper';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { isParticipantId, newPoolOwner } from '../../lib/session/participant';
import { reconcileSandboxes } from '../../lib/sandbox/reconcile';
import { removeServiceAndWait } from '../../lib/docker/services';
import { participantWorkspace } from '../../lib/workspace/participant';
import { deployFunction, participant, removeTestInstance, testContext } from './helpers';

// A sandbox's life: idle timeout and hard limit, extend, reset, the reaper (expired sandboxes
// and orphans, never anything unlabelled) and reconciling Docker with the database at start-up.
let ctx: Awaited<ReturnType<typeof testContext>>;
const pids = [participant(), participant(), participant(), participant()];
const [pa, pb, pc, pd] = pids;

before(async () => { ctx = await testContext(); });
after(() => removeTestInstance(ctx, pids));

/** Every labelled Docker object of one sandbox, by kind. */
async function objectsOf(sid: string) {
  const filters = ownedFilter(ctx.prefix, { [LABEL.sandbox]: sid });
  return {
    services: (await ctx.engine.listServices({ filters })).map((s) => s.Spec!.Name!).sort(),
    networks: (await ctx.engine.listNetworks({ filters })).map((n) => n.Name),
    secrets: (await ctx.engine.listSecrets({ filters })).map((s) => s.Spec!.Name!),
    images: (await ctx.engine.listImages({ filters })).map((i) => i.RepoTags?.[0] ?? i.Id),
  };
}
const none = { services: [], networks: [], secrets: [], images: [] };
const healthy = async (sb: Sandbox) => (await fetch(`${sb.gatewayUrl}/healthz`).catch(() => null))?.status === 200;

test('the participant sees when their sandbox ends and why; Extend pushes the hard limit back', async () => {
  assert.deepEqual(sandboxStatus(ctx, pa), { exists: false });
  await ensureSandbox(ctx, pa);
  const s = sandboxStatus(ctx, pa);
  assert.ok(s.exists);
  assert.equal(s.reason, 'idle'); // 60 min idle timeout comes before the 8 h limit
  assert.ok(Math.abs(s.remainingMs - 60 * 60_000) < 5000, String(s.remainingMs));
  const row = ctx.q.sandboxOf(pa)!;
  ctx.q.setSandboxExpiry(row.id, Date.now() + 10 * 60_000); // ten minutes left
  const extended = extendSandbox(ctx, pa);
  assert.ok(extended.exists && Math.abs(ctx.q.sandboxOf(pa)!.expires_at - (Date.now() + 70 * 60_000)) < 5000);
  assert.throws(() => extendSandbox(ctx, pb), /no sandbox to extend/);
});

test('the reaper removes an expired sandbox with its images and keeps its files; a live one is left alone', async () => {
  const live = await ensureSandbox(ctx, pb);
  const doomed = await ensureSandbox(ctx, pc);
  const image = await deployFunction(ctx, doomed, pc, 'keepme', { 'handler.py': 'def handle(req):\n    return "kept"\n' });
  assert.ok((await objectsOf(doomed.id)).images.includes(image));
  // past its hard limit, and no call through its gateway for an hour
  ctx.q.setSandboxExpiry(doomed.id, Date.now() - 1000);
  const result = await reapSandboxes(ctx);
  assert.deepEqual(result.expired, [doomed.id]);
  assert.deepEqual(await objectsOf(doomed.id), none);
  assert.equal(ctx.q.sandbox(doomed.id), undefined);
  assert.equal(participantWorkspace(ctx.cfg.dataDir, pc).read('keepme/handler.py'), 'def handle(req):\n    return "kept"\n');
  assert.ok(await healthy(live), "the other participant's gateway still answers");
  assert.equal((await objectsOf(live.id)).services.length, 2);
});

test('an idle sandbox whose gateway is still being called is not reaped', async () => {
  const sb = await ensureSandbox(ctx, pc); // a new one: the old was reaped
  await deployFunction(ctx, sb, pc, 'busy', { 'handler.py': 'def handle(req):\n    return "busy"\n' });
  assert.equal((await fetch(`${sb.gatewayUrl}/function/busy`, { method: 'POST' })).status, 200);
  ctx.q.setSandboxExpiry(sb.id, Date.now() + 3600_000);
  // idle for two hours by the database's account (touch only moves forward: write the past directly)
  openDb(ctx.cfg.dataDir).prepare('UPDATE sandboxes SET last_active_at = ? WHERE id = ?').run(Date.now() - 2 * 3600_000, sb.id);
  const result = await reapSandboxes(ctx);
  assert.deepEqual(result.expired, []);
  assert.ok(Date.now() - ctx.q.sandbox(sb.id)!.last_active_at < 60_000, 'the call through the gateway counted as activity');
});

test('orphans (our labels, unknown to the database) are removed; unlabelled look-alikes are never touched', async () => {
  const ghost = 'ghost00000001';
  const orphan = await ctx.engine.createNetwork({ Name: names.sandboxNetwork(ctx.prefix, ghost), Driver: 'overlay', Attachable: true, Labels: ownedLabels(ctx.prefix, 'sandbox-network', { [LABEL.sandbox]: ghost }) });
  const lookalike = await ctx.engine.createNetwork({ Name: `${names.sandboxNetwork(ctx.prefix, 'ghost00000002')}`, Driver: 'overlay', Attachable: true });
  try {
    const result = await reapSandboxes(ctx);
    assert.deepEqual(result.orphans, [ghost]);
    assert.equal(await orphan.inspect().then(() => 'there', () => 'gone'), 'gone');
    assert.equal(await lookalike.inspect().then(() => 'there', () => 'gone'), 'there');
  } finally {
    await lookalike.remove().catch(() => {});
  }
});

test('reset makes a fresh stack; the participant chooses whether the files stay', async () => {
  const before = await ensureSandbox(ctx, pb);
  const ws = participantWorkspace(ctx.cfg.dataDir, pb);
  ws.write('mine/handler.py', 'def handle(req):\n    return "mine"\n');
  const kept = await resetSandbox(ctx, pb, { keepFiles: true });
  assert.notEqual(kept.id, before.id);
  assert.deepEqual(await objectsOf(before.id), none);
  assert.ok(await healthy(kept));
  assert.equal(ws.read('mine/handler.py'), 'def handle(req):\n    return "mine"\n');
  const wiped = await resetSandbox(ctx, pb, { keepFiles: false });
  assert.notEqual(wiped.id, kept.id);
  assert.equal(ws.read('mine/handler.py'), null);
  assert.ok(await healthy(wiped));
});

test('reconcile at start-up adopts running sandboxes, re-makes missing parts and finishes interrupted removals', async () => {
  const broken = await ensureSandbox(ctx, pb);
  await removeServiceAndWait(ctx.engine, names.gatewayService(ctx.prefix, broken.id));
  await removeServiceAndWait(ctx.engine, names.shellService(ctx.prefix, broken.id));
  const interrupted = ctx.q.sandboxOf(pc)!;
  ctx.q.setSandboxStatus(interrupted.id, 'removing');
  const result = await reconcileSandboxes(ctx);
  assert.deepEqual(result.repaired, [broken.id]);
  assert.deepEqual(result.removed, [interrupted.id]);
  assert.equal(result.adopted, 1); // pa's
  assert.deepEqual(result.failed, []);
  assert.deepEqual(await objectsOf(interrupted.id), none);
  const again = await ensureSandbox(ctx, pb);
  assert.equal(again.id, broken.id);
  assert.ok(await healthy(again));
});

test('warm pool: a newcomer gets a sandbox made in advance, with the files they saved before, and the pool is topped up', async () => {
  const pooled = { ...ctx, cfg: { ...ctx.cfg, FAASLAB_POOL_SIZE: 1 } };
  assert.equal(await fillPool(pooled), 1);
  const [waiting] = ctx.q.poolSandboxes(ctx.prefix);
  assert.equal(waiting.status, 'ready');
  assert.equal((await execInShell(ctx.engine, ctx.prefix, waiting.id, 'tmux has-session -t main && echo started')).stdout, 'started\n', "terminal 1's tmux session is started ahead");
  assert.equal(await fillPool(pooled), 0, 'full: nothing to make (and the next call, once one is taken, still makes one)');
  assert.equal(isParticipantId(newPoolOwner()), false, 'no cookie can pose as the owner of a pool sandbox');
  participantWorkspace(ctx.cfg.dataDir, pd).write('early/handler.py', 'saved before the sandbox\n');
  const lines: string[] = [];
  const sb = await ensureSandbox(pooled, pd, (l) => lines.push(l));
  assert.equal(sb.id, waiting.id);
  assert.match(lines.join('\n'), /made in advance/);
  const r = await execInShell(ctx.engine, ctx.prefix, sb.id, 'cat early/handler.py && echo from-shell > later.txt');
  assert.equal(r.stdout, 'saved before the sandbox\n');
  assert.equal(participantWorkspace(ctx.cfg.dataDir, pd).read('later.txt'), 'from-shell\n');
  const status = sandboxStatus(ctx, pd);
  assert.ok(status.exists && status.remainingMs > 59 * 60_000, 'its clocks start when it is handed over');
  assert.equal(ctx.q.poolSandboxes(ctx.prefix).length, 0);
  assert.equal(await fillPool(pooled), 1);
  assert.equal((await reapSandboxes(ctx, Date.now() + 24 * 3600_000)).expired.includes(ctx.q.poolSandboxes(ctx.prefix)[0].id), false, 'the reaper leaves the pool alone');
  // Right after a claim the newcomer's first seconds come first: the pool waits while it still has one to give.
  const pooled2 = { ...ctx, cfg: { ...ctx.cfg, FAASLAB_POOL_SIZE: 2 } };
  noteClaim();
  assert.equal(await fillPool(pooled2), 0, 'a sandbox was just taken and one is still waiting: the next is made a little later');
  noteClaim(Date.now() - QUIET_MS);
  assert.equal(await fillPool(pooled2), 1);
});
