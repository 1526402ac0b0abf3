import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInstructor } from '../../lib/instructor/accounts';
import { memberKey } from '../../lib/room/member-key';
import { memberTerminals } from '../../lib/room/member-terminals';
import { getMemberFile, getMemberTerminals, getMemberTree, type MemberViewDeps } from '../../lib/room/member-view';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { terminalServer, type TerminalServer } from '../../lib/terminal/server';
import { participantWorkspace } from '../../lib/workspace/participant';
import { createWorkshop } from '../../lib/workshops/workshops';
import { participant, removeTestInstance, testContext, instructorLogin } from './helpers';
import { TerminalClient } from './terminal-client';

// An instructor reads a member's files and lists their terminals, on a real sandbox: what the
// participant made in their shell is there; paths out of the workspace, links and big files are
// refused as the participant's own editor refuses them; nobody else gets in.
let ctx: Awaited<ReturnType<typeof testContext>>;
let deps: MemberViewDeps;
let terminals: TerminalServer;
let server: http.Server;
let ws: string;
const SECRET = 'f'.repeat(32);
const [alan, other] = [participant(), participant()];
let ada: string;
let grace: string;
let roomId: string;
let key: string;
const SITE = 'http://localhost:3000';
const get = (what: string, cookie: string | null, query = '', member = key) =>
  new Request(`${SITE}/api/instructor/workshops/${roomId}/members/${member}/${what}${query}`, { headers: { host: 'localhost:3000', ...(cookie ? { cookie } : {}) } });
const file = async (path: string, cookie: string | null = ada) => {
  const res = await getMemberFile(deps, get('file', cookie, `?path=${encodeURIComponent(path)}`), roomId, key);
  return { status: res.status, body: await res.json() as any };
};
const shell = async (command: string) => {
  const r = await execInShell(ctx.engine, ctx.prefix, ctx.q.sandboxOf(alan)!.id, command);
  assert.equal(r.code, 0, r.stderr);
};

before(async () => {
  ctx = await testContext();
  deps = { q: ctx.q, secret: SECRET, workspaceOf: (pid) => participantWorkspace(ctx.cfg.dataDir, pid), terminalsOf: memberTerminals(ctx) };
  terminals = terminalServer(() => ctx);
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => { if (!terminals.handleUpgrade(req, socket, head)) socket.destroy(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  ws = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const a = await createInstructor(ctx.q, { email: 'ada@example.org', name: 'Ada', password: 'analytical-engine' }, null);
  const g = await createInstructor(ctx.q, { email: 'grace@example.org', name: 'Grace', password: 'compilers-rule' }, null);
  ada = await instructorLogin({ q: ctx.q, secret: SECRET }, a.id);
  grace = await instructorLogin({ q: ctx.q, secret: SECRET }, g.id);
  const now = Date.now();
  roomId = createWorkshop(ctx.q, a.id, { title: 'Files room', labs: ['01-prepare'], capacity: 5, startsAt: now - 60_000, endsAt: now + 3600_000, sandboxLifetimeMinutes: 60, poolSize: 0 }, now).id;
  ctx.q.joinWorkshop({ workshop_id: roomId, participant_id: alan, display_name: 'Alan', capacity: 5 });
  key = memberKey(SECRET, roomId, alan);
  await ensureSandbox(ctx, alan);
  participantWorkspace(ctx.cfg.dataDir, other).write('secret.txt', 'not in the room\n');
});

after(async () => {
  terminals.close();
  server.close();
  await removeTestInstance(ctx, [alan, other]);
});

test('the instructor reads what the member made in their shell, as saved; binary files are named, not shown', async () => {
  await shell('mkdir -p hello && printf "def handle(req):\\n    return \\"hi-42\\"\\n" > hello/handler.py && printf "\\x00\\x01\\x02" > blob.bin');
  const tree = await getMemberTree(deps, get('tree', ada), roomId, key);
  assert.equal(tree.status, 200);
  const entries = ((await tree.json()) as any).entries.map((e: any) => `${e.type}:${e.path}`);
  assert.ok(entries.includes('dir:hello') && entries.includes('file:hello/handler.py'), entries.join(' '));
  assert.deepEqual(await file('hello/handler.py').then((r) => [r.status, r.body.content]), [200, 'def handle(req):\n    return "hi-42"\n']);
  assert.deepEqual(await file('blob.bin').then((r) => [r.status, r.body.binary, r.body.size]), [200, true, 3]);
});

test('.., absolute paths, links out (to a file or through a folder) and big files are refused with what is wrong', async () => {
  await shell('ln -sfn /etc/passwd leak && ln -sfn / rootdir && head -c 300000 /dev/zero > big.dat');
  for (const p of ['../' + other + '/secret.txt', 'hello/../../x', '/etc/passwd', '~/hello/handler.py']) {
    const r = await file(p);
    assert.equal(r.status, 400, `${p}: ${JSON.stringify(r.body)}`);
    assert.match(r.body.error.message, /is not allowed: it (contains '\.' or '\.\.'|is absolute)/);
  }
  const leak = await file('leak');
  assert.equal(leak.status, 400);
  assert.match(leak.body.error.message, /leak is a symbolic link/);
  const through = await file('rootdir/etc/passwd');
  assert.equal(through.status, 400, JSON.stringify(through.body));
  assert.doesNotMatch(JSON.stringify(through.body), /root:x:0/);
  const big = await file('big.dat');
  assert.equal(big.status, 413);
  assert.equal(big.body.error.message, 'big.dat is larger than this view shows (256 KB).');
  assert.match(big.body.error.hint, /less big\.dat/);
  const missing = await file('nothing-here.py');
  assert.equal(missing.status, 404);
});

test('another instructor, a participant\'s cookie, no cookie and a guessed member key are refused', async () => {
  assert.equal((await getMemberFile(deps, get('file', grace, '?path=hello/handler.py'), roomId, key)).status, 404);
  assert.equal((await getMemberTree(deps, get('tree', grace), roomId, key)).status, 404);
  assert.equal((await getMemberTerminals(deps, get('terminals', grace), roomId, key)).status, 404);
  assert.equal((await getMemberFile(deps, get('file', `faaslab_pid=${alan}`, '?path=hello/handler.py'), roomId, key)).status, 401);
  assert.equal((await getMemberTree(deps, get('tree', null), roomId, key)).status, 401);
  const guessed = 'A'.repeat(22);
  const res = await getMemberTree(deps, get('tree', ada, '', guessed), roomId, guessed);
  assert.equal(res.status, 404);
  assert.match(((await res.json()) as any).error.message, /Nobody in this session/);
  // a member key of this session does not reach another participant's files by path either
  assert.equal((await file(`../${other}/secret.txt`)).status, 400);
});

test('the terminals list shows a second terminal once the member opened one, and it as the one used last', async () => {
  const list = async () => (await (await getMemberTerminals(deps, get('terminals', ada), roomId, key)).json()) as any;
  const one = await TerminalClient.open(`${ws}/api/terminal`, alan);
  await one.attached();
  one.type('echo first-$((2*3))\r');
  await one.waitFor('first-6');
  let now = await list();
  assert.deepEqual(now.terminals.map((t: any) => t.name), ['1']);
  assert.equal(now.latest, '1');
  await new Promise((r) => setTimeout(r, 1100)); // tmux counts activity in whole seconds
  const two = await TerminalClient.open(`${ws}/api/terminal?terminal=2`, alan);
  await two.attached();
  two.type('echo second-$((3*4))\r');
  await two.waitFor('second-12');
  now = await list();
  assert.deepEqual(now.terminals.map((t: any) => t.name), ['1', '2']);
  assert.equal(now.latest, '2');
  assert.ok(now.terminals.every((t: any) => t.clients >= 1), JSON.stringify(now));
  await shell('tmux new-session -d -s mine');
  assert.deepEqual((await list()).terminals.map((t: any) => t.name), ['1', '2'], 'a session made by hand is not a workbench terminal');
  await one.close();
  await two.close();
});
