import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../lib/db/open';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { reapSandboxes } from '../../lib/sandbox/reaper';
import { reconcileSandboxes } from '../../lib/sandbox/reconcile';
import { removeSandbox } from '../../lib/sandbox/remove';
import { forgetUnseenParticipants } from '../../lib/sandbox/retention';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { sandboxHome } from '../../lib/workspace/home';
import { keptFolder, pointWorkspace } from '../../lib/workspace/links';
import { participantWorkspace } from '../../lib/workspace/participant';
import { copyHome } from '../../lib/workspace/retire';
import { participant, removeTestInstance, testContext } from './helpers';

// Homes after their sandbox: a reaped sandbox's home (an ext4 image on a loop device) is
// unmounted and deleted while the participant's files stay in the editor and come back in
// their next sandbox; files of participants gone for longer than the retention are deleted;
// a crash at any step of this loses no file. Against the real engine and real loop mounts.
let ctx: Awaited<ReturnType<typeof testContext>>;
const pids = Array.from({ length: 6 }, participant);
const [pa, pb, pc, pd, pe, pf] = pids;
const HANDLER = 'def handle(req):\n    return "mine"\n';

before(async () => { ctx = await testContext(); });
after(async () => {
  await removeTestInstance(ctx, pids);
  assert.deepEqual(mountsUnder(ctx.cfg.dataDir), [], 'no mount of this test is left');
  assert.deepEqual(loopsUnder(ctx.cfg.dataDir), [], 'no loop device of this test is left');
  fs.rmSync(ctx.cfg.dataDir, { recursive: true, force: true });
});

const mountsUnder = (dir: string) => fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')
  .map((line) => line.split(' ')[4]).filter((mp) => mp?.startsWith(dir));
const loopsUnder = (dir: string) => fs.readdirSync('/sys/block').filter((d) => d.startsWith('loop')).flatMap((d) => {
  const backing = path.join('/sys/block', d, 'loop', 'backing_file');
  return fs.existsSync(backing) ? [fs.readFileSync(backing, 'utf8').trim()].filter((f) => f.startsWith(dir)) : [];
});
/** What is left on the host of one sandbox's home: mounts, loop devices, its image and folder. */
const homeLeft = (sid: string) => {
  const root = path.join(ctx.cfg.dataDir, 'homes', sid);
  return { mounts: mountsUnder(root), loops: loopsUnder(root), image: fs.existsSync(`${root}.img`), folder: fs.existsSync(root) };
};
const nothing = { mounts: [], loops: [], image: false, folder: false };
const expire = (sid: string) => ctx.q.setSandboxExpiry(sid, Date.now() - 1000);
const lastSeen = (pid: string, msAgo: number) => openDb(ctx.cfg.dataDir).prepare('UPDATE participants SET last_seen_at = ? WHERE id = ?').run(Date.now() - msAgo, pid);

test('after their sandbox is reaped the files are still in the editor, come back in the next shell, and nothing stays mounted', async () => {
  const first = await ensureSandbox(ctx, pa);
  if (ctx.cfg.FAASLAB_WORKSPACE_MB > 0) assert.equal(mountsUnder(path.join(ctx.cfg.dataDir, 'homes', first.id)).length, 1, 'a quota home is mounted while the sandbox lives');
  participantWorkspace(ctx.cfg.dataDir, pa).write('mine/handler.py', HANDLER);
  // a link out of the home, a FIFO and a name that is not UTF-8, as a participant might make
  await execInShell(ctx.engine, ctx.prefix, first.id, `mkdir -p notes && echo from-shell > notes/shell.txt && ln -s /etc/hostname notes/link && mkfifo notes/pipe && echo odd > "$(printf 'caf\\351')"`);
  expire(first.id);
  assert.deepEqual((await reapSandboxes(ctx)).expired, [first.id]);
  assert.deepEqual(homeLeft(first.id), nothing);
  const ws = participantWorkspace(ctx.cfg.dataDir, pa);
  assert.equal(ws.read('mine/handler.py'), HANDLER);
  assert.equal(ws.read('notes/shell.txt'), 'from-shell\n');
  ws.write('mine/handler.py', HANDLER.replace('mine', 'edited')); // the editor works with no sandbox
  const next = await ensureSandbox(ctx, pa);
  assert.notEqual(next.id, first.id);
  const r = await execInShell(ctx.engine, ctx.prefix, next.id, `cat mine/handler.py notes/shell.txt "$(printf 'caf\\351')" && readlink notes/link`);
  assert.equal(r.stdout, `${HANDLER.replace('mine', 'edited')}from-shell\nodd\n/etc/hostname\n`);
  assert.equal(fs.existsSync(keptFolder(ctx.cfg.dataDir, pa)), false, 'the kept copy moved into the new home');
});

test('a participant unseen for longer than the retention loses their files; one seen recently does not', async () => {
  for (const pid of [pb, pc]) {
    const sb = await ensureSandbox(ctx, pid);
    participantWorkspace(ctx.cfg.dataDir, pid).write('mine/handler.py', HANDLER);
    expire(sb.id);
  }
  await reapSandboxes(ctx);
  lastSeen(pb, 31 * 24 * 3600_000);
  lastSeen(pc, 29 * 24 * 3600_000);
  assert.equal(ctx.cfg.FAASLAB_WORKSPACE_RETENTION_DAYS, 30);
  assert.deepEqual(await forgetUnseenParticipants(ctx), [pb]);
  assert.equal(participantWorkspace(ctx.cfg.dataDir, pb).read('mine/handler.py'), null);
  assert.equal(ctx.q.participant(pb), undefined);
  assert.equal(participantWorkspace(ctx.cfg.dataDir, pc).read('mine/handler.py'), HANDLER);
  assert.ok(ctx.q.participant(pc));
  assert.ok(ctx.q.sandboxOf(pa), 'a participant with a sandbox is never a candidate');
});

test('a crash at any step of retiring a home loses nothing: the next start-up finishes the job', async () => {
  const made: string[] = [];
  for (const pid of [pd, pe, pf]) {
    const sb = await ensureSandbox(ctx, pid);
    participantWorkspace(ctx.cfg.dataDir, pid).write('mine/handler.py', HANDLER);
    await removeSandbox(ctx.engine, ctx.prefix, sb.id); // the shell is gone in each case
    made.push(sb.id);
  }
  const [sd, se, sf] = made;
  const dataDir = ctx.cfg.dataDir;
  // pd: stopped while copying the home to the kept folder (the row says 'removing')
  ctx.q.setSandboxStatus(sd, 'removing');
  copyHome(dataDir, sd, pd);
  fs.rmSync(path.join(keptFolder(dataDir, pd), 'mine'), { recursive: true });
  // pe: stopped after relinking the workspace; a save had landed in the old home meanwhile
  ctx.q.setSandboxStatus(se, 'removing');
  copyHome(dataDir, se, pe);
  pointWorkspace(dataDir, pe, keptFolder(dataDir, pe));
  fs.writeFileSync(path.join(sandboxHome(dataDir, se), 'late.txt'), 'late\n');
  // pf: its row is gone but its home was never retired, and the machine rebooted (unmounted)
  ctx.q.deleteSandbox(sf);
  if (ctx.cfg.FAASLAB_WORKSPACE_MB > 0) execFileSync('umount', [path.join(dataDir, 'homes', sf)]);
  const result = await reconcileSandboxes(ctx);
  assert.deepEqual(result.removed.sort(), [sd, se].sort());
  assert.deepEqual(result.homes, [sf]);
  for (const [pid, sid] of [[pd, sd], [pe, se], [pf, sf]]) {
    assert.equal(participantWorkspace(dataDir, pid).read('mine/handler.py'), HANDLER, `${sid}: the participant's file`);
    assert.deepEqual(homeLeft(sid), nothing, `${sid}: nothing of the home is left`);
  }
  assert.equal(participantWorkspace(dataDir, pe).read('late.txt'), 'late\n');
  const back = await ensureSandbox(ctx, pf);
  assert.equal((await execInShell(ctx.engine, ctx.prefix, back.id, 'cat mine/handler.py')).stdout, HANDLER);
});
