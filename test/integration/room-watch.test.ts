import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInstructor } from '../../lib/instructor/accounts';
import { memberKey } from '../../lib/room/member-key';
import { getNotice } from '../../lib/room/notice';
import { presenceOf } from '../../lib/room/presence';
import { watchServer, type WatchServer } from '../../lib/room/watch-server';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { terminalServer, type TerminalServer } from '../../lib/terminal/server';
import { createWorkshop } from '../../lib/workshops/workshops';
import { participant, removeTestInstance, testContext, instructorLogin } from './helpers';
import { TerminalClient } from './terminal-client';

// An instructor watching a member's terminal on real Docker: a second tmux client of the same
// session, read-only (keys dropped), then taken over; the participant's pages are told.
let ctx: Awaited<ReturnType<typeof testContext>>;
let terminals: TerminalServer;
let watchers: WatchServer;
let server: http.Server;
let base: string;
const SECRET = 'w'.repeat(32);
const pid = participant();
let ada: string;
let grace: string;
let roomId: string;
let key: string;

before(async () => {
  ctx = await testContext();
  terminals = terminalServer(() => ctx);
  // a heartbeat every 400 ms: a view must outlive several (it once died at the first)
  watchers = watchServer(() => ({ ctx, secret: SECRET }), { heartbeatMs: 400 });
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => { if (!terminals.handleUpgrade(req, socket, head) && !watchers.handleUpgrade(req, socket, head)) socket.destroy(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const a = await createInstructor(ctx.q, { email: 'ada@example.org', name: 'Ada', password: 'analytical-engine' }, null);
  const g = await createInstructor(ctx.q, { email: 'grace@example.org', name: 'Grace', password: 'compilers-rule' }, null);
  ada = await instructorLogin({ q: ctx.q, secret: SECRET }, a.id);
  grace = await instructorLogin({ q: ctx.q, secret: SECRET }, g.id);
  const now = Date.now();
  roomId = createWorkshop(ctx.q, a.id, { title: 'Watched room', labs: ['01-prepare'], capacity: 5, startsAt: now - 60_000, endsAt: now + 3600_000, sandboxLifetimeMinutes: 60, poolSize: 0 }, now).id;
  ctx.q.joinWorkshop({ workshop_id: roomId, participant_id: pid, display_name: 'Alan', capacity: 5 });
  key = memberKey(SECRET, roomId, pid);
});

after(async () => {
  terminals.close();
  watchers.close();
  server.close();
  await removeTestInstance(ctx, [pid]);
});

const watchUrl = (mode: string, member = key, workshop = roomId) => `${base}/api/instructor/terminal?${new URLSearchParams({ workshop, member, mode })}`;
const as = (cookie: string | null, url: string, origin?: string) => TerminalClient.open(url, null, { ...(cookie ? { Cookie: cookie } : {}), ...(origin ? { Origin: origin } : {}) });
const refused = (p: Promise<unknown>) => p.then(() => 0, (err) => (err as { status: number }).status);
const notice = async () => (await (await getNotice(ctx.q, new Request('http://localhost/api/workshop/notice', { headers: { cookie: `faaslab_pid=${pid}` } }))).json() as any).instructor;

test('no cookie 401, another instructor 404, another site 403, a made-up member 404, before the member has a sandbox 409', async () => {
  assert.equal(await refused(as(null, watchUrl('watch'))), 401);
  assert.equal(await refused(as(grace, watchUrl('watch'))), 404);
  assert.equal(await refused(as(ada, watchUrl('watch'), 'https://evil.example')), 403);
  assert.equal(await refused(as(ada, watchUrl('watch', 'B'.repeat(22)))), 404);
  assert.equal(await refused(as(ada, watchUrl('type'))), 400);
  assert.equal(await refused(as(ada, watchUrl('watch'))), 409);
  assert.equal(ctx.q.sandboxOf(pid), undefined, 'watching made no sandbox');
});

test('watching shows the participant\'s terminal live and drops the watcher\'s keys; taking over types into it; the participant is told', async () => {
  const own = await TerminalClient.open(`${base}/api/terminal`, pid);
  await own.attached();
  own.resize(100, 30);
  own.type('echo before-$((6*7))\r');
  await own.waitFor('before-42');

  const watcher = await as(ada, watchUrl('watch'));
  await watcher.attached(30_000);
  await watcher.waitFor('before-42'); // tmux redraws the screen for the new client
  assert.equal(presenceOf(pid), 'watching');
  assert.equal(await notice(), 'watching');
  watcher.resize(50, 10);
  watcher.type('echo typed-by-watcher-$((2*21))\r');
  own.type('echo after-$((5*5))\r');
  await watcher.waitFor('after-25');
  await own.waitFor('after-25');
  assert.doesNotMatch(own.output, /typed-by-watcher/, 'the watcher\'s keystrokes never reached the shell');
  const width = (await execInShell(ctx.engine, ctx.prefix, ctx.q.sandboxOf(pid)!.id, 'tmux display -p -t main "#{window_width}x#{window_height}"')).stdout.trim();
  assert.equal(width, '100x29', 'the participant\'s size (less tmux\'s status line), not the watcher\'s 50x10');

  // the page's Take over: the read-only client closes, a writable one opens
  await watcher.close();
  const control = await as(ada, watchUrl('control'));
  await control.attached(30_000);
  assert.equal(presenceOf(pid), 'in-terminal');
  assert.equal(await notice(), 'in-terminal');
  await new Promise((r) => setTimeout(r, 1500)); // three heartbeats later, still there
  assert.equal(presenceOf(pid), 'in-terminal', 'the instructor\'s view outlives the heartbeat');
  control.type('echo from-instructor-$((3*3))\r');
  await own.waitFor('from-instructor-9');
  await control.close();
  const deadline = Date.now() + 5000;
  while (presenceOf(pid) !== null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(presenceOf(pid), null, 'the banner goes when the instructor leaves');
  await own.close();
});
