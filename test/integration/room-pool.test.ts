import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LABEL, ownedFilter } from '../../lib/docker/labels';
import { extendSandbox } from '../../lib/sandbox/lifecycle';
import { QUIET_MS, noteClaim } from '../../lib/sandbox/claim-quiet';
import { fillPool } from '../../lib/sandbox/pool';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { roomPoolStatus } from '../../lib/sandbox/room-pool';
import { createInstructor } from '../../lib/instructor/accounts';
import { createWorkshop, type Workshop } from '../../lib/workshops/workshops';
import { participant, removeTestInstance, testContext } from './helpers';

// A workshop session's own warm pool and sandbox lifetime, on real Docker: its "sandboxes to
// make ahead" are made from an hour before its start, its members take from it (and nobody
// else does), their sandboxes live as long as the session says, and the pool goes when it ends.
let ctx: Awaited<ReturnType<typeof testContext>>;
let live: Workshop;
let later: Workshop;
const [ana, ben, walkIn] = [participant(), participant(), participant()];
const MIN = 60_000;

before(async () => {
  ctx = await testContext();
  ctx = { ...ctx, cfg: { ...ctx.cfg, FAASLAB_POOL_SIZE: 0 } }; // no site pool: only the sessions'
  const me = await createInstructor(ctx.q, { email: 'ada@example.org', name: 'Ada', password: 'analytical-engine' }, null);
  const now = Date.now();
  live = createWorkshop(ctx.q, me.id, { title: 'Live room', labs: ['01-prepare'], capacity: 3, startsAt: now - MIN, endsAt: now + 120 * MIN, sandboxLifetimeMinutes: 30, poolSize: 2 }, now);
  later = createWorkshop(ctx.q, me.id, { title: 'Tomorrow', labs: ['01-prepare'], capacity: 5, startsAt: now + 24 * 60 * MIN, endsAt: now + 25 * 60 * MIN, sandboxLifetimeMinutes: 60, poolSize: 4 }, now);
});
after(() => removeTestInstance(ctx, [ana, ben, walkIn]));

const status = (w: Workshop) => roomPoolStatus(ctx.q, ctx.prefix, w, Date.now());

test('a running session gets its sandboxes made ahead; one tomorrow not yet, and says from when', async () => {
  assert.deepEqual(status(live), { wanted: 2, ready: 0, making: 0, fillsFrom: live.startsAt - 60 * MIN });
  assert.equal(await fillPool(ctx), 2);
  assert.deepEqual(status(live), { wanted: 2, ready: 2, making: 0, fillsFrom: live.startsAt - 60 * MIN });
  const t = status(later);
  assert.equal(t.wanted, 0);
  assert.equal(t.ready, 0);
  assert.equal(t.fillsFrom, later.startsAt - 60 * MIN);
  assert.equal(await fillPool(ctx), 0, 'full');
});

test('a member takes one of the session\'s; it lives the session\'s 30 minutes; a walk-in gets none of them', async () => {
  const pool = ctx.q.poolSandboxes(ctx.prefix, live.id).map((r) => r.id);
  assert.equal(ctx.q.claimPoolSandbox(ctx.prefix, walkIn, Date.now() + MIN, null), undefined, 'someone not in the session finds no sandbox made ahead');
  ctx.q.joinWorkshop({ workshop_id: live.id, participant_id: ana, display_name: 'Ana', capacity: 3 });
  const t0 = Date.now();
  const lines: string[] = [];
  const sb = await ensureSandbox(ctx, ana, (l) => lines.push(l));
  assert.ok(pool.includes(sb.id), 'Ana got one made ahead for her session');
  assert.match(lines.join('\n'), /made in advance/);
  const row = ctx.q.sandbox(sb.id)!;
  assert.equal(row.pool_workshop_id, null);
  assert.ok(Math.abs(row.expires_at - (t0 + 30 * MIN)) < 10_000, `expires 30 min after it was handed over (got ${Math.round((row.expires_at - t0) / 1000)} s)`);
  // Extend is the exception to the session's short life: an hour more (up to the site's 8 h)
  ctx.q.setSandboxExpiry(sb.id, Date.now() + 5 * MIN);
  const ext = extendSandbox(ctx, ana);
  assert.ok(ext.exists && Math.abs(ctx.q.sandbox(sb.id)!.expires_at - (Date.now() + 65 * MIN)) < 10_000);
  // one place fewer is free, but two still are: the pool is made up to 2 again
  assert.deepEqual({ ...status(live), fillsFrom: 0 }, { wanted: 2, ready: 1, making: 0, fillsFrom: 0 });
  assert.equal(await fillPool(ctx), 0, 'not in Ana\'s first seconds, while one is still waiting');
  noteClaim(Date.now() - QUIET_MS);
  assert.equal(await fillPool(ctx), 1);
  // Ben joins: until he has his sandbox, one made ahead stays his to take (a room of 40 joining
  // at once must not see theirs removed before they open a page)
  ctx.q.joinWorkshop({ workshop_id: live.id, participant_id: ben, display_name: 'Ben', capacity: 3 });
  assert.equal(status(live).wanted, 2);
  assert.equal(await fillPool(ctx), 0);
  assert.equal(status(live).ready, 2);
  await ensureSandbox(ctx, ben);
  assert.deepEqual([status(live).wanted, status(live).ready], [1, 1], 'the last free place has one waiting');
});

test('once the session ends, what was made ahead for it is removed, Docker objects included', async () => {
  const left = ctx.q.poolSandboxes(ctx.prefix, live.id).map((r) => r.id);
  assert.equal(left.length, 1);
  ctx.q.endWorkshop(live.id);
  await fillPool(ctx);
  assert.equal(ctx.q.poolSandboxes(ctx.prefix, live.id).length, 0);
  for (const sid of left) assert.deepEqual(await ctx.engine.listServices({ filters: ownedFilter(ctx.prefix, { [LABEL.sandbox]: sid }) }), []);
  assert.ok(ctx.q.sandboxOf(ana), 'a member\'s own sandbox is not the pool\'s: ending the session handles it (lib/room/handlers.ts)');
});
