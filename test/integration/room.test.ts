import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDb } from '../../lib/db/open';
import { queries, type Queries } from '../../lib/db/queries';
import { loadCatalogue } from '../../lib/labs/catalogue';
import { createInstructor } from '../../lib/instructor/accounts';
import { LoginLimiter } from '../../lib/instructor/rate-limit';
import { sessionSecret } from '../../lib/instructor/secret';
import type { RoomDeps } from '../../lib/room/deps';
import { clearBroadcast, endSession, getProgressCsv, getRoster, memberSandbox, postBroadcast } from '../../lib/room/handlers';
import { getNotice } from '../../lib/room/notice';
import { newParticipantId } from '../../lib/session/participant';
import { join } from '../../lib/workshops/join-handler';
import { createWorkshop } from '../../lib/workshops/workshops';
import { instructorLogin } from './helpers';

// Running a room through the real handlers on a real SQLite database of this test's own: the
// roster, the CSV, broadcasts, ending a session, and who may do any of it. The sandbox actions
// are recorded here (test/integration/room-sandboxes.test.ts runs them on real Docker).
const SITE = 'http://localhost:3000';
const prefix = `testroom${randomBytes(3).toString('hex')}`;
const MIN = 60_000;
let dataDir: string;
let q: Queries;
let deps: RoomDeps;
let now = Date.now();
const calls: string[] = [];

type Send = { method?: string; body?: unknown; cookie?: string; origin?: string | null };
function request(url: string, o: Send = {}): Request {
  const headers: Record<string, string> = { host: 'localhost:3000', 'content-type': 'application/json' };
  if (o.origin !== null) headers.origin = o.origin ?? SITE;
  if (o.cookie) headers.cookie = o.cookie;
  return new Request(`${SITE}${url}`, { method: o.method ?? (o.body === undefined ? 'GET' : 'POST'), headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
}
const json = async (res: Response) => ({ status: res.status, body: await res.json() as any });

let ada: string; // the session's instructor
let grace: string; // another instructor
let roomId: string;
let code: string;
const alan = newParticipantId();
const bea = newParticipantId();
const pidCookie = (pid: string) => `faaslab_pid=${pid}`;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `faaslab-${prefix}-`));
  q = queries(openDb(dataDir));
  deps = {
    q, secret: sessionSecret(dataDir, {}), limiter: new LoginLimiter(q), now: () => now,
    catalogue: () => loadCatalogue(path.resolve(import.meta.dirname, '../../labs')),
    lifetime: { FAASLAB_SANDBOX_IDLE_MINUTES: 60, FAASLAB_SANDBOX_MAX_HOURS: 8, FAASLAB_SANDBOX_EXTEND_MINUTES: 60 },
    instance: 'room-test',
    sandboxes: {
      reset: async (pid) => { calls.push(`reset ${pid}`); },
      extend: (pid) => { calls.push(`extend ${pid}`); },
      remove: async (pid) => { calls.push(`remove ${pid}`); return pid === alan; },
    },
  };
  const a = await createInstructor(q, { email: 'ada@example.org', name: 'Ada', password: 'analytical-engine' }, null);
  const g = await createInstructor(q, { email: 'grace@example.org', name: 'Grace', password: 'compilers-rule' }, null);
  ada = await instructorLogin(deps, a.id);
  grace = await instructorLogin(deps, g.id);
  const w = createWorkshop(q, a.id, { title: 'Room 2, "the big one"', labs: ['01-prepare', '03-functions'], capacity: 40, startsAt: now - 30 * MIN, endsAt: now + 3 * 3600_000, sandboxLifetimeMinutes: 120, poolSize: 0 }, now);
  roomId = w.id;
  code = w.joinCode;
  for (const [pid, name] of [[alan, 'Turing, Alan'], [bea, '=HYPERLINK("http://evil.example","Bea")']]) {
    assert.equal((await join(q, request('/api/join', { body: { code, name }, cookie: pidCookie(pid) }), now)).status, 200);
  }
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const roster = async () => (await json(await getRoster(deps, request(`/api/instructor/workshops/${roomId}/roster`, { cookie: ada }), roomId))).body;
const memberOf = async (name: string) => (await roster()).members.find((m: any) => m.displayName === name);

test('the roster lists who joined, their current step, checks passed per lab and sandbox; passing a check shows at once', async () => {
  let r = await roster();
  assert.equal(r.state, 'live');
  assert.deepEqual(r.labs.map((l: any) => [l.slug, l.number]), [['01-prepare', 1], ['03-functions', 3]]);
  assert.deepEqual(r.members.map((m: any) => m.displayName), ['Turing, Alan', '=HYPERLINK("http://evil.example","Bea")']);
  const first = r.members[0];
  assert.equal(first.current, null);
  assert.deepEqual(first.sandbox, { state: 'none', remainingMs: null, endsAt: null, reason: null });
  assert.ok(first.labs.every((l: any) => l.checksPassed === 0 && l.checksTotal > 0));
  assert.ok(!JSON.stringify(r).includes(alan), 'the participant id (their cookie) is never sent to the instructor');
  assert.match(first.key, /^[A-Za-z0-9_-]{22}$/);

  q.recordStepVisit({ participant_id: alan, lab: '01-prepare', step: '01-welcome' }, now);
  q.recordCheckResult({ participant_id: alan, lab: '01-prepare', step: '01-welcome', check_id: 'gateway-noted', passed: true, sandbox_id: 'sb-x' }, now);
  r = await roster();
  const a = r.members[0];
  assert.match(a.current.label, /^Lab 1 · 1\. /);
  assert.equal(a.current.href, '/labs/01-prepare/01-welcome');
  assert.equal(a.labs[0].checksPassed, 1);
  assert.equal(a.lastActivityAt, now);
});

test('stuck: the same check failing three times in a row (check_results counts them), or ten minutes without progress', async () => {
  for (let i = 0; i < 2; i++) q.recordCheckResult({ participant_id: bea, lab: '01-prepare', step: '01-welcome', check_id: 'gateway-noted', passed: false, sandbox_id: 'sb-b' }, now);
  assert.deepEqual((await memberOf('=HYPERLINK("http://evil.example","Bea")')).stuck, []);
  q.recordCheckResult({ participant_id: bea, lab: '01-prepare', step: '01-welcome', check_id: 'gateway-noted', passed: false, sandbox_id: 'sb-b' }, now);
  assert.deepEqual((await memberOf('=HYPERLINK("http://evil.example","Bea")')).stuck, ['Check “~/lab1/gateway.txt holds your gateway\'s address” failed 3 times in a row (Lab 1, step 1)']);
  q.recordCheckResult({ participant_id: bea, lab: '01-prepare', step: '01-welcome', check_id: 'gateway-noted', passed: true, sandbox_id: 'sb-b' }, now);
  assert.deepEqual((await memberOf('=HYPERLINK("http://evil.example","Bea")')).stuck, [], 'a pass clears it');
  assert.equal(q.checkResultsOf(bea)[0].fails_in_row, 0);

  now += 12 * MIN;
  const later = await roster();
  assert.deepEqual(later.members.map((m: any) => m.stuck), [['No progress for 12 min'], ['No progress for 12 min']]);
  q.recordStepVisit({ participant_id: alan, lab: '01-prepare', step: '02-your-gateway' }, now);
  assert.deepEqual((await memberOf('Turing, Alan')).stuck, [], 'opening the next step is progress');
});

test('the CSV has one row per participant with each lab\'s counts; names are quoted and formulas defused', async () => {
  const res = await getProgressCsv(deps, request(`/api/instructor/workshops/${roomId}/csv`, { cookie: ada }), roomId);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(res.headers.get('content-disposition')!, /^attachment; filename="room-2-the-big-one-\d{4}-\d\d-\d\d-progress\.csv"$/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark, for Excel');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines[0], 'Name,Joined (UTC),Last activity (UTC),Current step,Steps done,Steps,Lab 1 steps done,Lab 1 steps,Lab 1 checks passed,Lab 1 checks,Lab 3 steps done,Lab 3 steps,Lab 3 checks passed,Lab 3 checks');
  assert.match(lines[1], /^"Turing, Alan",\d{4}-\d\d-\d\d \d\d:\d\d,/);
  assert.match(lines[2], /^"'=HYPERLINK\(""http:\/\/evil\.example"",""Bea""\)",/);
  assert.equal(lines.length, 4, 'a header, two rows, and the final CRLF');
  assert.match(lines[1], /,1,4,1,\d+,0,9,0,\d+$/);
});

test('a broadcast shows on every member\'s pages (and nobody else\'s), the latest one only', async () => {
  const empty = await json(await getNotice(q, request('/api/workshop/notice', { cookie: pidCookie(alan) }), now));
  assert.deepEqual(empty.body, { notice: null, instructor: null });
  const bad = await json(await postBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { cookie: ada, body: { message: '   ' } }), roomId));
  assert.deepEqual([bad.status, bad.body.error.message], [400, 'message: Write the message to show everyone.']);
  for (const message of ['Break until 11:00', 'Back: start Lab 3']) {
    assert.equal((await postBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { cookie: ada, body: { message } }), roomId)).status, 200);
  }
  for (const pid of [alan, bea]) {
    const n = await json(await getNotice(q, request('/api/workshop/notice', { cookie: pidCookie(pid) }), now));
    assert.deepEqual([n.body.notice.kind, n.body.notice.message, n.body.notice.title], ['broadcast', 'Back: start Lab 3', 'Room 2, "the big one"']);
  }
  assert.deepEqual((await json(await getNotice(q, request('/api/workshop/notice', { cookie: pidCookie(newParticipantId()) }), now))).body, { notice: null, instructor: null }, 'someone not in the session');
  // taken down: gone from every member's banner and from the room's "showing since"; sent again, it shows again
  const cleared = await json(await clearBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { method: 'DELETE', cookie: ada }), roomId));
  assert.deepEqual([cleared.status, cleared.body], [200, { cleared: true }]);
  for (const pid of [alan, bea]) assert.equal((await json(await getNotice(q, request('/api/workshop/notice', { cookie: pidCookie(pid) }), now))).body.notice, null);
  assert.equal((await json(await getRoster(deps, request(`/api/instructor/workshops/${roomId}/roster`, { cookie: ada }), roomId))).body.broadcast, null);
  assert.deepEqual((await json(await clearBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { method: 'DELETE', cookie: ada }), roomId))).body, { cleared: false }, 'nothing left to take down');
  assert.equal((await postBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { cookie: ada, body: { message: 'Back: start Lab 3' } }), roomId)).status, 200);
  assert.equal((await json(await getNotice(q, request('/api/workshop/notice', { cookie: pidCookie(alan) }), now))).body.notice.message, 'Back: start Lab 3');
  assert.equal((await getNotice(q, request('/api/workshop/notice'), now)).status, 401);
});

test('another instructor\'s cookie gets 404 from every room API, no cookie 401, another site\'s page 403; nothing changes', async () => {
  const key = (await memberOf('Turing, Alan')).key;
  const apis: [string, (cookie: string | undefined, origin?: string) => Promise<Response>][] = [
    ['roster', (cookie) => getRoster(deps, request(`/api/instructor/workshops/${roomId}/roster`, { cookie }), roomId)],
    ['csv', (cookie) => getProgressCsv(deps, request(`/api/instructor/workshops/${roomId}/csv`, { cookie }), roomId)],
    ['broadcast', (cookie, origin) => postBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { cookie, origin, body: { message: 'pwned' } }), roomId)],
    ['clear', (cookie, origin) => clearBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { method: 'DELETE', cookie, origin }), roomId)],
    ['end', (cookie, origin) => endSession(deps, request(`/api/instructor/workshops/${roomId}/end`, { cookie, origin, body: {} }), roomId)],
    ['reset', (cookie, origin) => memberSandbox(deps, request(`/api/instructor/workshops/${roomId}/members/${key}/reset`, { cookie, origin, body: {} }), roomId, key, 'reset')],
    ['extend', (cookie, origin) => memberSandbox(deps, request(`/api/instructor/workshops/${roomId}/members/${key}/extend`, { cookie, origin, body: {} }), roomId, key, 'extend')],
  ];
  const forged = `faaslab_instructor=${encodeURIComponent('Fe26.2*1*' + 'a'.repeat(120))}`;
  for (const [name, call] of apis) {
    assert.equal((await call(grace)).status, 404, `${name} with another instructor's cookie`);
    assert.equal((await call(undefined)).status, 401, `${name} without a cookie`);
    assert.equal((await call(forged)).status, 401, `${name} with a forged cookie`);
    if (['broadcast', 'clear', 'end', 'reset', 'extend'].includes(name)) assert.equal((await call(ada, 'https://evil.example')).status, 403, `${name} from another site's page`);
  }
  // guessed ids: a session that does not exist, a member key of nobody
  assert.equal((await getRoster(deps, request('/api/instructor/workshops/nope/roster', { cookie: ada }), 'nope')).status, 404);
  assert.equal((await memberSandbox(deps, request(`/api/instructor/workshops/${roomId}/members/${'A'.repeat(22)}/reset`, { cookie: ada, body: {} }), roomId, 'A'.repeat(22), 'reset')).status, 404);
  // Grace's own session does not open Ada's members either
  const g = q.instructorByEmail('grace@example.org')!;
  const hers = createWorkshop(q, g.id, { title: 'Grace\'s', labs: ['01-prepare'], capacity: 5, startsAt: now - MIN, endsAt: now + 3600_000, sandboxLifetimeMinutes: 60, poolSize: 0 }, now);
  assert.equal((await memberSandbox(deps, request(`/api/instructor/workshops/${hers.id}/members/${key}/reset`, { cookie: grace, body: {} }), hers.id, key, 'reset')).status, 404);
  assert.deepEqual(calls, [], 'no sandbox was touched');
  assert.equal(q.latestBroadcast(roomId)!.message, 'Back: start Lab 3');
  assert.equal(q.latestBroadcast(roomId)!.cleared_at, null);
  assert.equal(q.workshop(roomId)!.ended_at, null);
});

test('reset and extend act on that member\'s own sandbox; ending removes every member\'s, and joining then says it ended', async () => {
  const key = (await memberOf('Turing, Alan')).key;
  assert.equal((await memberSandbox(deps, request(`/api/instructor/workshops/${roomId}/members/${key}/reset`, { cookie: ada, body: {} }), roomId, key, 'reset')).status, 200);
  const ext = await json(await memberSandbox(deps, request(`/api/instructor/workshops/${roomId}/members/${key}/extend`, { cookie: ada, body: {} }), roomId, key, 'extend'));
  assert.equal(ext.body.member.displayName, 'Turing, Alan');
  assert.deepEqual(calls.splice(0), [`reset ${alan}`, `extend ${alan}`]);

  const ended = await json(await endSession(deps, request(`/api/instructor/workshops/${roomId}/end`, { cookie: ada, body: {} }), roomId));
  assert.equal(ended.status, 200);
  assert.equal(ended.body.sandboxesRemoved, 1);
  assert.equal(ended.body.workshop.endsAt, now);
  assert.deepEqual(calls.splice(0), [`remove ${alan}`, `remove ${bea}`]);
  assert.equal((await roster()).state, 'ended');
  assert.equal((await memberOf('Turing, Alan')).labs[0].checksPassed, 1, 'progress is kept');

  now += 1000;
  const late = await json(await join(q, request('/api/join', { body: { code, name: 'Late' }, cookie: pidCookie(newParticipantId()) }), now));
  assert.equal(late.status, 409);
  assert.match(late.body.error.message, /^“Room 2, "the big one"” ended at .* UTC; nobody can join it now\.$/);
  const n = await json(await getNotice(q, request('/api/workshop/notice', { cookie: pidCookie(bea) }), now));
  assert.equal(n.body.notice.kind, 'ended');
  assert.match(n.body.notice.message, /your files and progress are kept/);
  const after = await json(await postBroadcast(deps, request(`/api/instructor/workshops/${roomId}/broadcast`, { cookie: ada, body: { message: 'hello?' } }), roomId));
  assert.equal(after.status, 409);
});
