import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { after } from 'node:test';
import { openDb } from '../db/open';
import { queries } from '../db/queries';
import { isAppError } from '../errors';
import type { LabInfo } from '../labs/schema';
import { newParticipantId } from '../session/participant';
import { progressOf, recordCheck, recordVisit, stepCheckStatuses } from './load';
import type { StepChecksOf } from './step-checks';

// Progress kept in a real SQLite database (migration 4), read back as the pages read it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-progress-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const db = openDb(dataDir);
const q = queries(db);
const catalogue: LabInfo[] = [{ slug: '03-functions', title: 'Lab 3', summary: '…', minutes: 60, dir: '/x', steps: [
  { slug: '02-hello', title: 'Hello', summary: '…', dir: '/x/02' },
  { slug: '03-build', title: 'Build', summary: '…', dir: '/x/03' },
] }];
const checksOf: StepChecksOf = async (s) => (s.slug === '03-build' ? [{ id: 'hello-answers', state: 'sandbox' }] : []);
const hello = { lab: '03-functions', step: '03-build', id: 'hello-answers' };
const giveSandbox = (pid: string, id: string) => {
  for (const row of db.prepare('SELECT id FROM sandboxes WHERE participant_id = ?').all(pid) as { id: string }[]) q.deleteSandbox(row.id);
  q.insertSandbox({ id, participant_id: pid, instance: 'unit', gateway_token: `t-${id}`, gateway_password: 'pw', expires_at: Date.now() + 3600_000 });
};

test('a check result is kept per check, its last pass survives a failing retry and a new sandbox shows it as redo', async () => {
  const pid = newParticipantId();
  assert.equal(recordCheck(q, pid, hello, true), false, 'no sandbox: nothing to tie the result to');
  q.touchParticipant(pid);
  giveSandbox(pid, 'sba');
  assert.equal(recordCheck(q, pid, hello, false), true);
  assert.deepEqual(await stepCheckStatuses(q, catalogue, pid, '03-functions', '03-build', checksOf), { 'hello-answers': { passed: false, at: q.checkResultsOf(pid)[0].at, redo: false } });
  recordCheck(q, pid, hello, true);
  assert.equal((await progressOf(q, catalogue, pid, checksOf)).labs[0].steps[1].done, true);

  giveSandbox(pid, 'sbb'); // what a reset leaves: another sandbox row
  const after = await stepCheckStatuses(q, catalogue, pid, '03-functions', '03-build', checksOf);
  assert.deepEqual([after['hello-answers'].passed, after['hello-answers'].redo], [true, true]);
  recordCheck(q, pid, hello, false);
  const p = await progressOf(q, catalogue, pid, checksOf);
  assert.equal(p.labs[0].steps[1].done, true, 'a failed retry in the new sandbox does not undo the step');
  assert.deepEqual(p.redo.map((r) => r.check), ['hello-answers']);
  recordCheck(q, pid, hello, true);
  assert.deepEqual((await progressOf(q, catalogue, pid, checksOf)).redo, []);
  assert.equal(q.checkResultsOf(pid).length, 1, 'one row per check: the latest');
});

test('visits make "last step"; a visit to a step the catalogue lacks is not kept; an unknown step is not_found', async () => {
  const pid = newParticipantId();
  recordVisit(q, catalogue, pid, '03-functions', '03-build');
  recordVisit(q, catalogue, pid, '03-functions', '99-nope');
  await new Promise((r) => setTimeout(r, 5));
  recordVisit(q, catalogue, pid, '03-functions', '02-hello');
  assert.deepEqual(q.stepVisitsOf(pid).map((v) => v.step), ['02-hello', '03-build']);
  const p = await progressOf(q, catalogue, pid, checksOf);
  assert.equal(p.resume?.step, '02-hello');
  assert.deepEqual(p.labs[0].steps.map((s) => s.status), ['done', 'started']);
  await assert.rejects(stepCheckStatuses(q, catalogue, pid, '03-functions', '../etc', checksOf), (err) => isAppError(err) && err.code === 'not_found');
});

test('progress goes with the participant when the retention forgets them', () => {
  const pid = newParticipantId();
  recordVisit(q, catalogue, pid, '03-functions', '02-hello');
  q.deleteParticipant(pid);
  assert.deepEqual(q.stepVisitsOf(pid), []);
});
