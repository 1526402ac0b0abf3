import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseSetCookie } from 'cookie';
import { openDb } from '../../lib/db/open';
import { queries, type Queries } from '../../lib/db/queries';
import { loadCatalogue } from '../../lib/labs/catalogue';
import { ensureFirstInstructor } from '../../lib/instructor/accounts';
import type { InstructorDeps } from '../../lib/instructor/deps';
import { addInstructor, login, logout } from '../../lib/instructor/handlers';
import { LoginLimiter } from '../../lib/instructor/rate-limit';
import { PEER_HEADER } from '../../lib/instructor/request';
import { sessionSecret } from '../../lib/instructor/secret';
import { sealSession, unsealSession } from '../../lib/instructor/session-cookie';
import { hashSessionId, SESSION_MS, startSession } from '../../lib/instructor/sessions';
import { newParticipantId } from '../../lib/session/participant';
import { join } from '../../lib/workshops/join-handler';
import { getWorkshop, listWorkshops, postWorkshop } from '../../lib/workshops/handlers';

// Instructor accounts, workshop sessions and joining, through the real route handlers on a real
// SQLite database of this test's own (no Docker: nothing here makes a sandbox). Requests are
// built the way a browser on this site, another site's page, or a script would send them.
const SITE = 'http://localhost:3000';
const prefix = `testinstr${randomBytes(3).toString('hex')}`;
let dataDir: string;
let q: Queries;
let deps: InstructorDeps;
let now = Date.now();

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `faaslab-${prefix}-`));
  q = queries(openDb(dataDir));
  deps = { q, secret: sessionSecret(dataDir, {}), limiter: new LoginLimiter(q), catalogue: () => loadCatalogue(path.resolve(import.meta.dirname, '../../labs')), now: () => now };
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Send = { method?: string; body?: unknown; cookie?: string; origin?: string | null; peer?: string };
/** A request as this site's own page sends it (Origin = the site), unless told otherwise. */
function request(url: string, o: Send = {}): Request {
  const headers: Record<string, string> = { host: 'localhost:3000', 'content-type': 'application/json', [PEER_HEADER]: o.peer ?? '192.0.2.10' };
  if (o.origin !== null) headers.origin = o.origin ?? SITE;
  if (o.cookie) headers.cookie = o.cookie;
  return new Request(`${SITE}${url}`, { method: o.method ?? (o.body === undefined ? 'GET' : 'POST'), headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
}
const json = async (res: Response) => ({ status: res.status, body: await res.json() as any, setCookie: res.headers.get('set-cookie'), retryAfter: res.headers.get('retry-after') });
/** The name=value to send back of a response's Set-Cookie. */
const cookieFrom = (setCookie: string | null) => { const c = parseSetCookie(setCookie!); return `${c.name}=${c.value}`; };

const ADA = { email: 'ada@example.org', password: 'analytical-engine' };
const iso = (ms: number) => new Date(ms).toISOString();
const session = (over: Record<string, unknown> = {}) => ({ title: 'Room 2', labs: ['02-test-things-out', '03-functions'], capacity: 2, startsAt: iso(now - 60_000), endsAt: iso(now + 3 * 3600_000), sandboxLifetimeMinutes: 120, poolSize: 2, ...over });

let ada: string; // Ada's login cookie
let grace: string; // another instructor's
let room: { id: string; joinCode: string; joinPath: string };

test('the first instructor comes from the environment, once; bad or half settings are refused with the variable named', async () => {
  assert.equal(await ensureFirstInstructor(q, {}), 'not_configured');
  const env = { FAASLAB_INSTRUCTOR_EMAIL: 'Ada@Example.org', FAASLAB_INSTRUCTOR_PASSWORD: ADA.password };
  assert.equal(await ensureFirstInstructor(q, env), 'created');
  assert.equal(await ensureFirstInstructor(q, env), 'exists', 'a second start changes nothing');
  assert.equal(q.instructorCount(), 1);
  assert.match(q.instructorByEmail('ada@example.org')!.password_hash, /^scrypt\$/, 'only a hash is stored');
  await assert.rejects(ensureFirstInstructor(q, { FAASLAB_INSTRUCTOR_EMAIL: 'x@example.org' }), /FAASLAB_INSTRUCTOR_PASSWORD/);
  await assert.rejects(ensureFirstInstructor(q, { FAASLAB_INSTRUCTOR_EMAIL: 'not-an-email', FAASLAB_INSTRUCTOR_PASSWORD: 'long enough pass' }), /FAASLAB_INSTRUCTOR_EMAIL/);
});

test('login: a wrong password is 401, the right one sets an httpOnly SameSite=Lax cookie; another site\'s page cannot log in', async () => {
  const wrong = await json(await login(deps, request('/api/instructor/login', { body: { ...ADA, password: 'nope' } })));
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.message, 'That email and password do not match an instructor account.');
  assert.equal(wrong.setCookie, null);
  const unknown = await json(await login(deps, request('/api/instructor/login', { body: { email: 'eve@example.org', password: 'nope' } })));
  assert.equal(unknown.body.error.message, wrong.body.error.message, 'an unknown email reads the same as a wrong password');

  const crossSite = await json(await login(deps, request('/api/instructor/login', { body: ADA, origin: 'https://evil.example' })));
  assert.equal(crossSite.status, 403);
  assert.equal(crossSite.setCookie, null);

  const ok = await json(await login(deps, request('/api/instructor/login', { body: { ...ADA, email: ' ADA@example.org' } })));
  assert.equal(ok.status, 200);
  assert.equal(ok.body.instructor.email, 'ada@example.org');
  const attrs = parseSetCookie(ok.setCookie!);
  assert.deepEqual([attrs.name, attrs.httpOnly, attrs.sameSite, attrs.secure, attrs.path], ['faaslab_instructor', true, 'lax', undefined, '/']);
  ada = cookieFrom(ok.setCookie);
  const overHttps = await json(await login(deps, new Request(`${SITE}/api/instructor/login`, { method: 'POST', headers: { host: 'lab.example', origin: 'https://lab.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'lab.example' }, body: JSON.stringify(ADA) })));
  assert.equal(parseSetCookie(overHttps.setCookie!).secure, true, 'Secure when the site is served over https');
});

test('five failed logins from one address for one email: the sixth try is 429 saying when; other addresses still log in', async () => {
  const from = (peer: string, password: string) => login(deps, request('/api/instructor/login', { body: { ...ADA, password }, peer }));
  for (let i = 0; i < 5; i++) assert.equal((await from('198.51.100.7', `guess-${i}`)).status, 401);
  const limited = await json(await from('198.51.100.7', ADA.password));
  assert.equal(limited.status, 429, 'even the right password waits');
  assert.match(limited.body.error.message, /^Too many failed logins for ada@example\.org\. Try again in 15 minutes\.$/);
  assert.ok(Number(limited.retryAfter) > 800 && Number(limited.retryAfter) <= 900, `Retry-After ${limited.retryAfter}`);
  assert.equal((await from('198.51.100.8', ADA.password)).status, 200);
});

test('no instructor API answers without the right cookie: none, forged, sealed with another secret, or for a deleted account', async () => {
  const forged = `faaslab_instructor=${encodeURIComponent('Fe26.2*1*' + 'a'.repeat(120))}`;
  const otherSecret = `faaslab_instructor=${await startSession({ ...deps, secret: 'z'.repeat(32) }, q.instructorByEmail('ada@example.org')!.id)}`;
  const ghost = `faaslab_instructor=${await sealSession('no-such-session', deps.secret)}`;
  for (const cookie of [undefined, forged, otherSecret, ghost]) {
    const list = await json(await listWorkshops(deps, request('/api/instructor/workshops', { cookie })));
    assert.equal(list.status, 401, String(cookie));
    assert.equal(list.body.error.hint, 'Log in at /instructor/login.');
    assert.equal((await postWorkshop(deps, request('/api/instructor/workshops', { cookie, body: session() }))).status, 401);
    assert.equal((await addInstructor(deps, request('/api/instructor/instructors', { cookie, body: { email: 'm@example.org', name: 'M', password: 'long enough pass' } }))).status, 401);
  }
  assert.equal(q.instructorByEmail('m@example.org'), undefined);
});

test('an instructor creates a session; a cross-site POST with their cookie is refused; mistakes say what to fix', async () => {
  const crossSite = await json(await postWorkshop(deps, request('/api/instructor/workshops', { cookie: ada, body: session(), origin: 'https://evil.example' })));
  assert.equal(crossSite.status, 403);
  assert.equal(q.workshopsOf(q.instructorByEmail('ada@example.org')!.id).length, 0);

  const bad = await json(await postWorkshop(deps, request('/api/instructor/workshops', { cookie: ada, body: session({ capacity: 500, labs: ['09-nope'], endsAt: iso(now - 120_000) }) })));
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /labs\.0: There is no lab "09-nope"/);
  assert.match(bad.body.error.message, /capacity: A session has at most 200 places\./);
  assert.match(bad.body.error.message, /endsAt: The end must be after the start\./);

  const made = await json(await postWorkshop(deps, request('/api/instructor/workshops', { cookie: ada, body: session() })));
  assert.equal(made.status, 201);
  room = made.body.workshop;
  assert.match(room.joinCode, /^[A-HJKMNP-Z2-9]{6}$/);
  assert.equal(room.joinPath, `/join/${room.joinCode}`);
  assert.deepEqual([made.body.workshop.capacity, made.body.workshop.poolSize, made.body.workshop.sandboxLifetimeMinutes], [2, 2, 120]);
  const list = await json(await listWorkshops(deps, request('/api/instructor/workshops', { cookie: ada })));
  assert.deepEqual(list.body.workshops.map((w: any) => [w.title, w.members, w.joinCode]), [['Room 2', 0, room.joinCode]]);
});

test('instructors add colleagues, who see only their own sessions and not another\'s (404, as if there were none)', async () => {
  const added = await json(await addInstructor(deps, request('/api/instructor/instructors', { cookie: ada, body: { email: 'grace@example.org', name: 'Grace', password: 'compilers-rule' } })));
  assert.equal(added.status, 200);
  assert.equal(added.body.instructor.name, 'Grace');
  const again = await json(await addInstructor(deps, request('/api/instructor/instructors', { cookie: ada, body: { email: 'GRACE@example.org', name: 'Grace 2', password: 'compilers-rule' } })));
  assert.equal(again.status, 409);
  const crossSite = await addInstructor(deps, request('/api/instructor/instructors', { cookie: ada, origin: 'https://evil.example', body: { email: 'mallory@example.org', name: 'M', password: 'long enough pass' } }));
  assert.equal(crossSite.status, 403);
  assert.equal(q.instructorByEmail('mallory@example.org'), undefined);
  const short = await json(await addInstructor(deps, request('/api/instructor/instructors', { cookie: ada, body: { email: 'h@example.org', name: 'H', password: 'short' } })));
  assert.equal(short.body.error.message, 'password: A password needs at least 10 characters.');

  grace = cookieFrom((await login(deps, request('/api/instructor/login', { body: { email: 'grace@example.org', password: 'compilers-rule' } }))).headers.get('set-cookie'));
  assert.deepEqual((await json(await listWorkshops(deps, request('/api/instructor/workshops', { cookie: grace })))).body.workshops, []);
  const peek = await json(await getWorkshop(deps, request(`/api/instructor/workshops/${room.id}`, { cookie: grace }), room.id));
  assert.equal(peek.status, 404);
  assert.equal((await getWorkshop(deps, request(`/api/instructor/workshops/${room.id}`, { cookie: ada }), room.id)).status, 200);
});

test('participants join with a name and the code, no account; joining again renames; a wrong code, a full session, too early and too late each say so', async () => {
  // a visitor without a participant cookie gets one, made like proxy.ts's
  const first = await json(await join(q, request('/api/join', { body: { code: room.joinCode.toLowerCase().replace(/^(...)/, '$1-'), name: ' Alan ' } }), now));
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.href, '/labs/02-test-things-out', 'they land on the session\'s first lab');
  const pidCookie = parseSetCookie(first.setCookie!);
  assert.deepEqual([pidCookie.name, pidCookie.httpOnly, pidCookie.sameSite], ['faaslab_pid', true, 'lax']);
  const alan = `faaslab_pid=${pidCookie.value}`;
  assert.equal(q.latestWorkshopOf(pidCookie.value!)!.title, 'Room 2');

  // again, renamed: still one place taken, and no new cookie
  const rename = await json(await join(q, request('/api/join', { body: { code: room.joinCode, name: 'Alan T.' }, cookie: alan }), now));
  assert.deepEqual([rename.status, rename.body.renamed, rename.setCookie], [200, true, null]);
  assert.deepEqual(q.membersOf(room.id).map((m) => m.display_name), ['Alan T.']);

  const barbara = `faaslab_pid=${newParticipantId()}`;
  assert.equal((await join(q, request('/api/join', { body: { code: room.joinCode, name: 'Barbara' }, cookie: barbara }), now)).status, 200);
  const full = await json(await join(q, request('/api/join', { body: { code: room.joinCode, name: 'Claude' }, cookie: `faaslab_pid=${newParticipantId()}` }), now));
  assert.equal(full.status, 409);
  assert.equal(full.body.error.message, '“Room 2” is full: all 2 places are taken.');
  assert.equal((await join(q, request('/api/join', { body: { code: room.joinCode, name: 'Barbara L.' }, cookie: barbara }), now)).status, 200, 'a member renames even when full');

  const wrong = await json(await join(q, request('/api/join', { body: { code: 'ZZZ ZZZ', name: 'Dan' } }), now));
  assert.equal(wrong.status, 404);
  assert.equal(wrong.body.error.message, 'No workshop has the code ZZZ ZZZ. Check the code with your instructor.');
  const crossSite = await join(q, request('/api/join', { body: { code: room.joinCode, name: 'Eve' }, origin: 'https://evil.example' }), now);
  assert.equal(crossSite.status, 403);
  const noName = await json(await join(q, request('/api/join', { body: { code: room.joinCode, name: '  ' } }), now));
  assert.equal(noName.body.error.message, 'name: Enter the name others will know you by.');

  const later = (await json(await postWorkshop(deps, request('/api/instructor/workshops', { cookie: ada, body: session({ title: 'Tomorrow', startsAt: iso(now + 25 * 60_000), endsAt: iso(now + 3 * 3600_000) }) })))).body.workshop;
  const early = await json(await join(q, request('/api/join', { body: { code: later.joinCode, name: 'Fran' } }), now));
  assert.equal(early.status, 409);
  assert.match(early.body.error.message, /^“Tomorrow” has not started yet: it opens in 25 minutes \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/);

  const ended = await json(await join(q, request('/api/join', { body: { code: room.joinCode, name: 'Alan' }, cookie: alan }), now + 4 * 3600_000));
  assert.equal(ended.status, 409);
  assert.match(ended.body.error.message, /^“Room 2” ended at .* UTC; nobody can join it now\.$/);
});

test('the instructor sees who joined; logging out removes the cookie', async () => {
  const list = await json(await listWorkshops(deps, request('/api/instructor/workshops', { cookie: ada })));
  assert.equal(list.body.workshops.find((w: any) => w.id === room.id).members, 2);
  const one = await json(await getWorkshop(deps, request(`/api/instructor/workshops/${room.id}`, { cookie: ada }), room.id));
  assert.deepEqual(one.body.members.map((m: any) => m.displayName), ['Alan T.', 'Barbara L.']);
  const out = await json(await logout(deps, request('/api/instructor/logout', { body: {}, cookie: ada })));
  assert.equal(parseSetCookie(out.setCookie!).maxAge, 0);
  assert.equal(out.body.ended, 1);
});

/** Log in over the handler from a browser of its own; the cookie to send back. */
const loginAs = async (email: string, password: string, peer = '192.0.2.20') => {
  const res = await login(deps, request('/api/instructor/login', { body: { email, password }, peer }));
  assert.equal(res.status, 200);
  return cookieFrom(res.headers.get('set-cookie'));
};
const listAs = async (cookie: string) => json(await listWorkshops(deps, request('/api/instructor/workshops', { cookie })));
const ENDED = /^This instructor login has ended: it was logged out \(in this browser, or everywhere from another\) or it is more than 12 hours old\.$/;

test('a login is a row on the server, keyed by a hash: the database holds nothing a cookie could be made from', async () => {
  const cookie = await loginAs(ADA.email, ADA.password);
  const { sid } = (await unsealSession(decodeURIComponent(cookie.split('=')[1]), deps.secret))!;
  const db = openDb(dataDir);
  const row = db.prepare('SELECT * FROM instructor_sessions WHERE id_hash = ?').get(hashSessionId(sid)) as any;
  assert.deepEqual([row.instructor_id, row.created_at, row.last_seen_at, row.expires_at], [q.instructorByEmail(ADA.email)!.id, now, now, now + SESSION_MS], 'it lasts 12 hours from the login');
  assert.equal(db.prepare('SELECT 1 FROM instructor_sessions WHERE id_hash = ?').get(sid), undefined, 'the id itself is stored nowhere');
  assert.equal((await listAs(cookie)).status, 200);
});

test('a copy of the cookie is refused right after logout, with 401 saying the login has ended', async () => {
  const mine = await loginAs(ADA.email, ADA.password);
  const copied = mine; // the same cookie, taken to another machine
  assert.equal((await listAs(copied)).status, 200, 'the copy works while the login lasts');
  assert.equal((await json(await logout(deps, request('/api/instructor/logout', { body: {}, cookie: mine })))).body.ended, 1);
  const refused = await listAs(copied);
  assert.equal(refused.status, 401);
  assert.match(refused.body.error.message, ENDED);
  assert.equal(refused.body.error.hint, 'Log in at /instructor/login.');
  assert.equal((await postWorkshop(deps, request('/api/instructor/workshops', { cookie: copied, body: session({ title: 'Sneaky' }) }))).status, 401);
  assert.equal(q.workshopsOf(q.instructorByEmail(ADA.email)!.id).some((w) => w.title === 'Sneaky'), false);
  const again = await json(await logout(deps, request('/api/instructor/logout', { body: {}, cookie: copied })));
  assert.deepEqual([again.status, again.body.ended, parseSetCookie(again.setCookie!).maxAge], [200, 0, 0], 'logging out a dead login still clears the cookie');
  const bad = await json(await logout(deps, request('/api/instructor/logout', { body: { everywhere: 'yes' }, cookie: copied })));
  assert.deepEqual([bad.status, bad.body.error.message], [400, 'everywhere: everywhere is true or false.']);
});

test('“log out everywhere” ends every login of that instructor and nobody else\'s', async () => {
  const laptop = await loginAs(ADA.email, ADA.password);
  const phone = await loginAs(ADA.email, ADA.password, '192.0.2.21');
  const colleague = await loginAs('grace@example.org', 'compilers-rule');
  const out = await json(await logout(deps, request('/api/instructor/logout', { body: { everywhere: true }, cookie: laptop })));
  assert.equal(out.status, 200);
  assert.ok(out.body.ended >= 2, `ended ${out.body.ended}`);
  for (const cookie of [laptop, phone]) assert.match((await listAs(cookie)).body.error.message, ENDED);
  assert.equal((await listAs(colleague)).status, 200, 'Grace is still logged in');
  assert.equal((openDb(dataDir).prepare('SELECT COUNT(*) AS n FROM instructor_sessions WHERE instructor_id = ?').get(q.instructorByEmail(ADA.email)!.id) as any).n, 0);
});

test('a login is refused once 12 hours old, however it is used; expired rows are swept at the next login', async () => {
  const cookie = await loginAs(ADA.email, ADA.password);
  const start = now;
  try {
    now = start + SESSION_MS - 1000;
    assert.equal((await listAs(cookie)).status, 200, 'using it does not extend it, but it lasts its 12 hours');
    now = start + SESSION_MS;
    const late = await listAs(cookie);
    assert.equal(late.status, 401);
    assert.match(late.body.error.message, ENDED);
    await loginAs(ADA.email, ADA.password);
    const expired = openDb(dataDir).prepare('SELECT COUNT(*) AS n FROM instructor_sessions WHERE expires_at <= ?').get(now) as { n: number };
    assert.equal(expired.n, 0, 'the expired rows are gone');
  } finally {
    now = start;
  }
});

test('removing an instructor account ends its logins', async () => {
  const cookie = await loginAs('grace@example.org', 'compilers-rule');
  const id = q.instructorByEmail('grace@example.org')!.id;
  openDb(dataDir).prepare('DELETE FROM instructors WHERE id = ?').run(id);
  assert.equal((openDb(dataDir).prepare('SELECT COUNT(*) AS n FROM instructor_sessions WHERE instructor_id = ?').get(id) as any).n, 0);
  assert.match((await listAs(cookie)).body.error.message, ENDED);
});

test('the login limit survives a restart: five failures, the database closed and opened again, the sixth try is still 429', async () => {
  const from = (password: string) => login(deps, request('/api/instructor/login', { body: { ...ADA, password }, peer: '203.0.113.5' }));
  for (let i = 0; i < 5; i++) assert.equal((await from(`guess-${i}`)).status, 401);
  openDb(dataDir).close();
  q = queries(openDb(dataDir)); // what a restarted server has: the same file, nothing in memory
  deps = { ...deps, q, limiter: new LoginLimiter(q) };
  const limited = await json(await from(ADA.password));
  assert.equal(limited.status, 429);
  assert.match(limited.body.error.message, /^Too many failed logins for ada@example\.org\. Try again in 15 minutes\.$/);
  assert.equal((await login(deps, request('/api/instructor/login', { body: ADA, peer: '203.0.113.6' }))).status, 200, 'another address still logs in');
});
