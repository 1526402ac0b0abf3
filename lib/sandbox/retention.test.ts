import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { after } from 'node:test';
import type { AppContext } from '../app-context';
import type { Config } from '../config';
import { openDb } from '../db/open';
import { queries } from '../db/queries';
import { newParticipantId } from '../session/participant';
import { attachWorkspace, sandboxHome } from '../workspace/home';
import { keptFolder, pointWorkspace, workspacePath } from '../workspace/links';
import { participantWorkspace } from '../workspace/participant';
import { retireHome } from '../workspace/retire';
import { forgetUnseenParticipants, retentionCutoff } from './retention';

// The retention's decisions on a real database and data directory (no Docker needed).
const DAY = 24 * 3600_000;
let sandboxes = 0;
const made: string[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-retention-')); made.push(d); return d; };
after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

function context(days = 30) {
  const dataDir = tmp();
  const db = openDb(dataDir);
  const ctx = { cfg: { dataDir, FAASLAB_WORKSPACE_RETENTION_DAYS: days } as Config, q: queries(db) } as AppContext;
  const lastSeen = (pid: string, daysAgo: number) => db.prepare('UPDATE participants SET last_seen_at = ? WHERE id = ?').run(Date.now() - daysAgo * DAY, pid);
  /** A participant who had a sandbox, now retired: their files are in their kept folder. */
  const returning = (files: Record<string, string>, daysAgo: number) => {
    const [pid, sid] = [newParticipantId(), `sandbox${String(++sandboxes).padStart(5, '0')}`];
    ctx.q.touchParticipant(pid);
    attachWorkspace(dataDir, pid, sid);
    for (const [rel, content] of Object.entries(files)) participantWorkspace(dataDir, pid).write(rel, content);
    retireHome(dataDir, sid, pid);
    lastSeen(pid, daysAgo);
    return pid;
  };
  return { ctx, dataDir, lastSeen, returning };
}

test('the cut-off: days before now, or never', () => {
  assert.equal(retentionCutoff(30, 100 * DAY), 70 * DAY);
  assert.equal(retentionCutoff(0.5, DAY), DAY / 2);
  assert.equal(retentionCutoff(0, DAY), null);
});

test('a participant unseen for longer than the retention loses their files and row; one seen recently, or with a sandbox, does not', async () => {
  const { ctx, dataDir, lastSeen, returning } = context();
  const gone = returning({ 'a/handler.py': 'gone' }, 31);
  const recent = returning({ 'a/handler.py': 'recent' }, 29);
  const busy = newParticipantId();
  ctx.q.touchParticipant(busy);
  ctx.q.insertSandbox({ id: 'busy000001', participant_id: busy, instance: 'x', gateway_token: 't', gateway_password: 'p', expires_at: 0 });
  attachWorkspace(dataDir, busy, 'busy000001');
  participantWorkspace(dataDir, busy).write('f', 'busy');
  lastSeen(busy, 90);
  assert.deepEqual(await forgetUnseenParticipants(ctx), [gone]);
  assert.equal(ctx.q.participant(gone), undefined);
  assert.equal(fs.lstatSync(workspacePath(dataDir, gone), { throwIfNoEntry: false }), undefined);
  assert.equal(fs.existsSync(keptFolder(dataDir, gone)), false);
  assert.equal(participantWorkspace(dataDir, recent).read('a/handler.py'), 'recent');
  assert.equal(participantWorkspace(dataDir, busy).read('f'), 'busy');
  assert.deepEqual(await forgetUnseenParticipants(ctx), []);
});

test('0 days keeps everything forever', async () => {
  const { ctx, returning } = context(0);
  const pid = returning({ f: 'kept' }, 3650);
  assert.deepEqual(await forgetUnseenParticipants(ctx), []);
  assert.ok(ctx.q.participant(pid));
});

test('a workspace without a row (lessons opened, nothing run) counts from when it last changed', async () => {
  const { ctx, dataDir } = context();
  const [old, fresh] = [newParticipantId(), newParticipantId()];
  for (const pid of [old, fresh]) participantWorkspace(dataDir, pid).write('hello/handler.py', 'starter');
  const longAgo = new Date(Date.now() - 40 * DAY);
  fs.utimesSync(workspacePath(dataDir, old), longAgo, longAgo);
  assert.deepEqual(await forgetUnseenParticipants(ctx), [old]);
  assert.equal(fs.existsSync(workspacePath(dataDir, old)), false);
  assert.equal(participantWorkspace(dataDir, fresh).read('hello/handler.py'), 'starter');
});

test('nothing outside the data directory is touched: links in and to it are removed, never followed', async () => {
  const { ctx, dataDir, lastSeen } = context();
  const outside = tmp();
  fs.writeFileSync(path.join(outside, 'host.txt'), 'host');
  const [folder, linked] = [newParticipantId(), newParticipantId()];
  for (const pid of [folder, linked]) ctx.q.touchParticipant(pid);
  participantWorkspace(dataDir, folder).write('f', 'x');
  fs.symlinkSync(outside, path.join(workspacePath(dataDir, folder), 'escape'));
  pointWorkspace(dataDir, linked, outside); // never made by the platform, but if it were
  for (const pid of [folder, linked]) lastSeen(pid, 60);
  assert.deepEqual((await forgetUnseenParticipants(ctx)).sort(), [folder, linked].sort());
  assert.equal(fs.readFileSync(path.join(outside, 'host.txt'), 'utf8'), 'host');
  assert.equal(fs.lstatSync(workspacePath(dataDir, linked), { throwIfNoEntry: false }), undefined);
});

test('a workspace still linked to the home of a sandbox nobody has (retired before homes were) takes the home along', async () => {
  const { ctx, dataDir, lastSeen } = context();
  const pid = newParticipantId();
  ctx.q.touchParticipant(pid);
  attachWorkspace(dataDir, pid, 'legacy0001');
  participantWorkspace(dataDir, pid).write('f', 'x');
  lastSeen(pid, 45);
  assert.deepEqual(await forgetUnseenParticipants(ctx), [pid]);
  assert.equal(fs.existsSync(path.dirname(sandboxHome(dataDir, 'legacy0001'))), false);
});
