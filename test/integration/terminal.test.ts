import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dropSandbox } from '../../lib/sandbox/reaper';
import { shellContainer, execInShell } from '../../lib/sandbox/shell-exec';
import { MAX_TERMINALS_PER_PARTICIPANT, terminalServer, type TerminalServer } from '../../lib/terminal/server';
import { participant, removeTestInstance, testContext } from './helpers';
import { TerminalClient } from './terminal-client';

// The browser terminal's server half against a real sandbox: docker exec of tmux in the
// participant's shell, over a WebSocket, as the lesson page's xterm uses it.
let ctx: Awaited<ReturnType<typeof testContext>>;
let terminals: TerminalServer;
let server: http.Server;
let url: string;
const pid = participant();
const open = (headers?: Record<string, string>) => TerminalClient.open(url, pid, headers);
const reconnect = () => TerminalClient.open(`${url}?resume=1`, pid);
const sandboxId = () => ctx.q.sandboxOf(pid)!.id;
const tmuxClients = async () => Number((await execInShell(ctx.engine, ctx.prefix, sandboxId(), 'tmux list-clients 2>/dev/null | wc -l')).stdout.trim());

async function noTmuxClientsLeft(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await tmuxClients()) > 0) {
    assert.ok(Date.now() < deadline, 'tmux clients are still attached after the sockets closed');
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  ctx = await testContext();
  terminals = terminalServer(() => ctx);
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => { if (!terminals.handleUpgrade(req, socket, head)) socket.destroy(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/terminal`;
});

after(async () => {
  terminals.close();
  server.close();
  await removeTestInstance(ctx, [pid]);
});

test('the first terminal makes the sandbox, says what it is doing, then runs what is typed', async () => {
  const t = await open();
  await t.attached();
  assert.deepEqual(t.messages.map((m) => m.type === 'status' && m.status), ['preparing', 'attached']);
  assert.match(t.output, /Preparing your sandbox/);
  assert.match(t.output, /Starting your shell…/);
  assert.match(t.output, /Your sandbox is ready\./);
  t.type('echo hi-$((6*7))\r');
  await t.waitFor('hi-42');
  // what runs in the terminal cannot gain privileges through a setuid binary
  t.type("echo nnp-$(awk '/^NoNewPrivs/ {print $2}' /proc/self/status)-end\r");
  await t.waitFor('nnp-1-end');
  // browser-friendly tmux: the mouse wheel scrolls back through output
  t.type("tmux show -gv mouse | sed 's/^/mouse-/'\r");
  await t.waitFor('mouse-on');
  await t.close();
});

test('a reconnect re-attaches to the same tmux session, and two tabs share it', async () => {
  const first = await open();
  await first.attached();
  first.type('export LAB_MARK=kept-$((40+2)); echo set-$((1+1))\r');
  await first.waitFor('set-2');
  await first.close();

  const again = await open();
  await again.attached();
  assert.doesNotMatch(again.output, /Preparing your sandbox/, 'a warm sandbox is not re-made');
  const tab2 = await open();
  await tab2.attached();
  again.type(`echo "mark=$LAB_MARK session=$(tmux display -p '#S')"\r`);
  await again.waitFor('mark=kept-42 session=main');
  await tab2.waitFor('mark=kept-42 session=main');
  await Promise.all([again.close(), tab2.close()]);
});

test('resizing the browser terminal resizes the tmux client', async () => {
  const t = await open();
  t.resize(100, 30); // sent before the attach: applied when tmux starts
  await t.attached();
  t.type(`echo "size=$(tmux display -p '#{client_width}x#{client_height}')"\r`);
  await t.waitFor('size=100x30');
  t.resize(132, 43);
  // The resize reaches the engine by its own request, the keys by the exec's stdin: wait for it.
  const deadline = Date.now() + 5000;
  while ((await execInShell(ctx.engine, ctx.prefix, sandboxId(), "tmux list-clients -F '#{client_width}x#{client_height}'")).stdout.trim() !== '132x43') {
    assert.ok(Date.now() < deadline, 'the tmux client was not resized');
    await new Promise((r) => setTimeout(r, 50));
  }
  await t.close();
});

test('closing the socket detaches: no tmux client is left in the shell', async () => {
  const tabs = await Promise.all([open(), open(), open()]);
  await Promise.all(tabs.map((t) => t.attached()));
  assert.equal(await tmuxClients(), 3);
  await Promise.all(tabs.map((t) => t.close()));
  await noTmuxClientsLeft();
});

test('without the participant cookie, from another site, or with too large a frame, the terminal is refused', async () => {
  await assert.rejects(TerminalClient.open(url, null), { status: 401 });
  await assert.rejects(TerminalClient.open(url, 'not-a-participant-id'), { status: 401 });
  await assert.rejects(open({ Origin: 'http://evil.example' }), { status: 403 });
  const t = await open({ Origin: new URL(url).origin.replace('ws:', 'http:') });
  await t.attached();
  t.type('x'.repeat(100 * 1024));
  assert.equal((await t.closed).code, 1009);
});

test(`at most ${MAX_TERMINALS_PER_PARTICIPANT} terminal connections per participant at once: one more is refused until one closes`, async () => {
  const tabs = await Promise.all(Array.from({ length: MAX_TERMINALS_PER_PARTICIPANT }, () => open()));
  await assert.rejects(open(), { status: 429 });
  await tabs[0].close();
  const ninth = await open();
  await Promise.all([ninth, ...tabs.slice(1)].map((t) => t.close())); // some while still attaching
  await noTmuxClientsLeft();
});

test('when the shell container stops, the terminal says so, and the next connection gets a fresh shell', async () => {
  const t = await open();
  await t.attached();
  await (await shellContainer(ctx.engine, ctx.prefix, sandboxId())).kill();
  await t.waitFor('Your shell stopped');
  assert.equal((await t.closed).code, 1013);

  // What the browser does next: reconnect (Swarm restarts the task after its 1 s delay).
  const again = await open();
  await again.attached();
  again.type('echo back-$((6*7))\r');
  await again.waitFor('back-42');
  await again.close();
});

test('typing is activity; an automatic reconnect is not', async () => {
  const before = ctx.q.sandboxOf(pid)!.last_active_at;
  const t = await reconnect();
  await t.attached();
  assert.equal(ctx.q.sandboxOf(pid)!.last_active_at, before, 'a reconnect kept the sandbox alive');
  await new Promise((r) => setTimeout(r, 20));
  t.type('true\r');
  const deadline = Date.now() + 5000;
  while (ctx.q.sandboxOf(pid)!.last_active_at === before) {
    assert.ok(Date.now() < deadline, 'typing did not count as activity');
    await new Promise((r) => setTimeout(r, 50));
  }
  await t.close();
});

test('a reconnect after the sandbox was removed waits for a key before making a new one', async () => {
  const old = ctx.q.sandboxOf(pid)!;
  const t = await open();
  await t.attached();
  const dropping = dropSandbox(ctx, old, { keepFiles: true }); // what the reaper does to an idle sandbox
  assert.equal((await t.closed).code, 1013);

  const again = await reconnect(); // at once, as the browser does: the removal is still under way
  assert.equal(ctx.q.sandboxOf(pid)?.status, 'removing');
  await again.waitFor('Press any key for a new one');
  await dropping;
  assert.deepEqual(again.messages.at(-1), { type: 'status', status: 'stopped' });
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(ctx.q.sandboxOf(pid), undefined, 'an open tab re-made the sandbox by itself');
  again.type('\r');
  await again.attached();
  assert.notEqual(ctx.q.sandboxOf(pid)!.id, old.id);
  again.type('echo new-$((6*7))\r');
  await again.waitFor('new-42');
  await again.close();
});
