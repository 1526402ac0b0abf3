import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { LABEL, ownedFilter } from '../../lib/docker/labels';
import { createInstructor } from '../../lib/instructor/accounts';
import { LoginLimiter } from '../../lib/instructor/rate-limit';
import { loadCatalogue } from '../../lib/labs/catalogue';
import type { RoomDeps } from '../../lib/room/deps';
import { endSession, getRoster, memberSandbox } from '../../lib/room/handlers';
import { memberSandboxes } from '../../lib/room/sandboxes';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { participantWorkspace } from '../../lib/workspace/participant';
import { createWorkshop } from '../../lib/workshops/workshops';
import { participant, removeTestInstance, testContext, instructorLogin } from './helpers';

// The room's sandbox actions on real Docker: an instructor extends and resets one member's
// sandbox, then ends the session, which removes every member's sandbox (their files and
// progress stay). The handlers are the routes' own; the context is this test's instance.
let ctx: Awaited<ReturnType<typeof testContext>>;
let deps: RoomDeps;
let cookie: string;
let roomId: string;
const [ana, ben] = [participant(), participant()];
const SITE = 'http://localhost:3000';
const post = (url: string) => new Request(`${SITE}${url}`, { method: 'POST', headers: { host: 'localhost:3000', origin: SITE, cookie, 'content-type': 'application/json' }, body: '{}' });
const get = (url: string) => new Request(`${SITE}${url}`, { headers: { host: 'localhost:3000', cookie } });

before(async () => {
  ctx = await testContext();
  deps = { q: ctx.q, secret: 's'.repeat(32), limiter: new LoginLimiter(ctx.q), catalogue: () => loadCatalogue(path.resolve(import.meta.dirname, '../../labs')), lifetime: ctx.cfg, instance: ctx.prefix, sandboxes: memberSandboxes(ctx) };
  const me = await createInstructor(ctx.q, { email: 'ada@example.org', name: 'Ada', password: 'analytical-engine' }, null);
  cookie = await instructorLogin(deps, me.id);
  const now = Date.now();
  const w = createWorkshop(ctx.q, me.id, { title: 'Docker room', labs: ['01-prepare'], capacity: 5, startsAt: now - 60_000, endsAt: now + 3600_000, sandboxLifetimeMinutes: 60, poolSize: 0 }, now);
  roomId = w.id;
  for (const [pid, name] of [[ana, 'Ana'], [ben, 'Ben']]) ctx.q.joinWorkshop({ workshop_id: w.id, participant_id: pid, display_name: name, capacity: 5 });
});
after(() => removeTestInstance(ctx, [ana, ben]));

const members = async () => (await (await getRoster(deps, get(`/api/instructor/workshops/${roomId}/roster`), roomId)).json() as any).members as any[];
const services = async (sid: string) => (await ctx.engine.listServices({ filters: ownedFilter(ctx.prefix, { [LABEL.sandbox]: sid }) })).map((s) => s.Spec!.Name!);

test('extend and reset one member\'s sandbox from the room: only theirs changes, their files stay', async () => {
  // one after the other: the first makes the instance's control plane
  await ensureSandbox(ctx, ana);
  await ensureSandbox(ctx, ben);
  participantWorkspace(ctx.cfg.dataDir, ana).write('notes/mine.txt', 'kept across a reset\n');
  const before = { ana: ctx.q.sandboxOf(ana)!, ben: ctx.q.sandboxOf(ben)! };
  let roster = await members();
  assert.deepEqual(roster.map((m) => [m.displayName, m.sandbox.state]), [['Ana', 'ready'], ['Ben', 'ready']]);
  const key = roster.find((m) => m.displayName === 'Ana').key;

  ctx.q.setSandboxExpiry(before.ana.id, Date.now() + 10 * 60_000);
  const extended = await memberSandbox(deps, post(`/api/instructor/workshops/${roomId}/members/${key}/extend`), roomId, key, 'extend');
  assert.equal(extended.status, 200);
  assert.ok(Math.abs(ctx.q.sandboxOf(ana)!.expires_at - (Date.now() + 70 * 60_000)) < 5000, 'ten minutes left, plus one extension');

  const reset = await memberSandbox(deps, post(`/api/instructor/workshops/${roomId}/members/${key}/reset`), roomId, key, 'reset');
  assert.equal(reset.status, 200, await reset.clone().text());
  const now = { ana: ctx.q.sandboxOf(ana)!, ben: ctx.q.sandboxOf(ben)! };
  assert.notEqual(now.ana.id, before.ana.id, 'Ana has a fresh sandbox');
  assert.equal(now.ben.id, before.ben.id, 'Ben\'s is untouched');
  assert.deepEqual(await services(before.ana.id), [], 'the old stack is gone');
  assert.equal(participantWorkspace(ctx.cfg.dataDir, ana).read('notes/mine.txt'), 'kept across a reset\n');
  roster = await members();
  assert.equal(roster.find((m) => m.displayName === 'Ana').sandbox.state, 'ready');
});

test('ending the session removes every member\'s sandbox as the reaper does; files and progress stay', async () => {
  ctx.q.recordCheckResult({ participant_id: ben, lab: '01-prepare', step: '01-welcome', check_id: 'gateway-noted', passed: true, sandbox_id: ctx.q.sandboxOf(ben)!.id });
  participantWorkspace(ctx.cfg.dataDir, ben).write('lab1/gateway.txt', 'http://gateway:8080\n');
  const sids = [ctx.q.sandboxOf(ana)!.id, ctx.q.sandboxOf(ben)!.id];
  const res = await endSession(deps, post(`/api/instructor/workshops/${roomId}/end`), roomId);
  const body = await res.json() as any;
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.sandboxesRemoved, 2);
  for (const sid of sids) assert.deepEqual(await services(sid), [], `sandbox ${sid} removed from Docker`);
  assert.equal(ctx.q.sandboxOf(ana), undefined);
  assert.equal(participantWorkspace(ctx.cfg.dataDir, ben).read('lab1/gateway.txt'), 'http://gateway:8080\n', 'files are kept');
  const roster = await members();
  assert.deepEqual(roster.map((m) => [m.displayName, m.sandbox.state]), [['Ana', 'none'], ['Ben', 'none']]);
  assert.equal(roster.find((m) => m.displayName === 'Ben').labs[0].checksPassed, 1, 'progress is kept');
});
