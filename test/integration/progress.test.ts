import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadCatalogue } from '../../lib/labs/catalogue';
import { runStepCheck } from '../../lib/lessons/checks';
import { progressOf, recordCheck, recordVisit, stepCheckStatuses } from '../../lib/progress/load';
import { resetSandbox } from '../../lib/sandbox/lifecycle';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participant, removeTestInstance, testContext } from './helpers';

// A participant's progress on a real sandbox and database: a check of the real Lab 2 lesson
// passes and is kept (as POST /api/checks keeps it), a real reset keeps it and marks it to redo,
// and it is done again in the new sandbox.
let ctx: Awaited<ReturnType<typeof testContext>>;
const pid = participant();
const catalogue = loadCatalogue(path.resolve(import.meta.dirname, '../../labs'));
const portal = { lab: '02-test-things-out', step: '01-the-portal', id: 'markdown-ready' };

before(async () => { ctx = await testContext(); });
after(() => removeTestInstance(ctx, [pid]));

/** What POST /api/checks does: run the lesson's check in the participant's shell, keep the result. */
async function check() {
  const result = await runStepCheck(ctx, catalogue, pid, portal);
  assert.ok(recordCheck(ctx.q, pid, portal, result.passed));
  return result;
}

/** The lesson's step: deploy markdown from the store in the shell, and check until its task is Ready. */
async function deployMarkdownAndCheck() {
  const sb = await ensureSandbox(ctx, pid);
  const up = await execInShell(ctx.engine, ctx.prefix, sb.id, 'faas-cli store deploy markdown');
  assert.equal(up.code, 0, up.stdout + up.stderr);
  for (let i = 0; i < 40; i++) {
    const r = await check();
    if (r.passed) return sb.id;
    await new Promise((res) => setTimeout(res, 500));
  }
  assert.fail('markdown never became Ready');
}

test('a passed check is kept; after a reset it still counts but needs redoing, until it passes in the new sandbox', async () => {
  recordVisit(ctx.q, catalogue, pid, portal.lab, portal.step);
  const failed = await check();
  assert.equal(failed.passed, false);
  assert.match(failed.output, /markdown is not deployed yet/);
  let statuses = await stepCheckStatuses(ctx.q, catalogue, pid, portal.lab, portal.step);
  assert.deepEqual([statuses['markdown-ready'].passed, statuses['markdown-ready'].redo], [false, false]);
  let lab2 = (await progressOf(ctx.q, catalogue, pid)).labs.find((l) => l.lab === portal.lab)!;
  assert.deepEqual([lab2.steps[0].status, lab2.steps[0].checksPassed, lab2.steps[0].checksTotal], ['started', 0, 1]);

  const first = await deployMarkdownAndCheck();
  statuses = await stepCheckStatuses(ctx.q, catalogue, pid, portal.lab, portal.step);
  assert.deepEqual([statuses['markdown-ready'].passed, statuses['markdown-ready'].redo], [true, false]);
  let progress = await progressOf(ctx.q, catalogue, pid);
  lab2 = progress.labs.find((l) => l.lab === portal.lab)!;
  assert.equal(lab2.steps[0].done, true);
  assert.equal(lab2.stepsDone, 1);
  assert.equal(lab2.stepsTotal, 4);
  assert.equal(progress.resume?.title, lab2.steps[0].title);
  assert.deepEqual(progress.redo, []);

  // the real reset path (the sandbox bar's "Reset now"): a new sandbox, the old one gone
  const fresh = await resetSandbox(ctx, pid, { keepFiles: true });
  assert.notEqual(fresh.id, first);
  statuses = await stepCheckStatuses(ctx.q, catalogue, pid, portal.lab, portal.step);
  assert.deepEqual([statuses['markdown-ready'].passed, statuses['markdown-ready'].redo], [true, true]);
  progress = await progressOf(ctx.q, catalogue, pid);
  lab2 = progress.labs.find((l) => l.lab === portal.lab)!;
  assert.equal(lab2.stepsDone, 1, 'the step stays done');
  assert.deepEqual(progress.redo.map((r) => `${r.check} (Lab ${r.labNumber} step ${r.stepNumber}) ${r.href}`), ['markdown-ready (Lab 2 step 1) /labs/02-test-things-out/01-the-portal']);

  // the new sandbox really lacks what was checked: the check fails there, and the step stays done
  assert.equal((await check()).passed, false);
  assert.equal((await progressOf(ctx.q, catalogue, pid)).labs.find((l) => l.lab === portal.lab)!.steps[0].done, true);
  assert.equal((await deployMarkdownAndCheck()), fresh.id);
  statuses = await stepCheckStatuses(ctx.q, catalogue, pid, portal.lab, portal.step);
  assert.deepEqual([statuses['markdown-ready'].passed, statuses['markdown-ready'].redo], [true, false]);
  assert.deepEqual((await progressOf(ctx.q, catalogue, pid)).redo, []);
});
