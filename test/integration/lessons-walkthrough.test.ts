import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../lib/labs/catalogue';
import { compileLesson } from '../../lib/labs/compile';
import { applyEdit, isEdit } from '../../lib/lessons/apply-edit';
import { runStepCheck } from '../../lib/lessons/checks';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participantWorkspace } from '../../lib/workspace/participant';
import { participant, removeTestInstance, testContext } from './helpers';

// Labs 1-3 as a participant who presses every button, in order, in a real sandbox: each
// "Run in terminal" block runs in the shell (and must succeed), each editor action changes the
// workspace as the editor would. Each check of a step (its checks.yaml) must fail when the step
// starts, since what it checks is not done yet, and pass where its <Check /> stands: that is the
// test of every check. FAASLAB_LESSON_LOG=<file> writes every command's output there, to compare
// with what the lessons say you will see.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();
const catalogue = loadCatalogue(path.resolve(import.meta.dirname, '../../labs'));
const log = process.env.FAASLAB_LESSON_LOG;

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  if (log) fs.writeFileSync(log, '');
});
after(() => removeTestInstance(ctx, [pid]));

// Each block is its own bash, so the folder a `cd` went to is carried to the next block (as the
// terminal keeps it). `faas-cli logs` follows until Ctrl+C: it is given a few seconds.
const CWD_FILE = '.lesson-walk-cwd';
function shellLine(command: string): { line: string; seconds: number } {
  const seconds = /faas-cli logs/.test(command) ? 6 : 240;
  const inner = `eval "$BLOCK"; rc=$?; pwd > ~/${CWD_FILE}; exit $rc`;
  const line = `cd "$(cat ~/${CWD_FILE} 2>/dev/null || echo ~)" && timeout ${seconds} bash -c '${inner}' </dev/null`;
  return { line, seconds };
}

test('every step of Labs 1-3 works as written, button by button', { timeout: 30 * 60_000 }, async () => {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  for (const lab of catalogue) {
    for (const step of lab.steps) {
      const compiled = await compileLesson(step.dir);
      for (const id of compiled.checks.keys()) {
        const r = await runStepCheck(ctx, catalogue, pid, { lab: lab.slug, step: step.slug, id });
        if (log) fs.appendFileSync(log, `\n### ${lab.slug}/${step.slug} before the step, check ${id}: ${r.passed ? 'PASSED' : 'failed'}\n${r.output}\n`);
        assert.equal(r.passed, false, `${lab.slug}/${step.slug}: check ${id} passes before its step is done:\n${r.output}`);
        assert.ok(r.output.trim(), `${lab.slug}/${step.slug}: check ${id} fails without saying what it found`);
        assert.equal(r.hint, compiled.checks.get(id)!.hint);
      }
      for (const b of compiled.blocks) {
        const where = `${lab.slug}/${step.slug}/content.mdx:${b.line}`;
        const a = b.action;
        if (a?.kind === 'terminal:execute') {
          const { line } = shellLine(a.command);
          const r = await execInShell(ctx.engine, ctx.prefix, sb.id, line, { env: [`BLOCK=${a.command}`] });
          if (log) fs.appendFileSync(log, `\n### ${where} (terminal ${a.terminal}, exit ${r.code})\n$ ${a.command}\n${r.stdout}${r.stderr}`);
          const followed = /faas-cli logs/.test(a.command) && r.code === 124;
          assert.ok(r.code === 0 || followed, `${where}: ${a.command}\nexit ${r.code}\n${r.stdout}\n${r.stderr}`);
        } else if (a?.kind === 'check') {
          const r = await runStepCheck(ctx, catalogue, pid, { lab: lab.slug, step: step.slug, id: a.id });
          if (log) fs.appendFileSync(log, `\n### ${where} check ${a.id}: ${r.passed ? 'passed' : 'FAILED'}\n${r.output}\n`);
          assert.ok(r.passed, `${where}: check ${a.id} failed:\n${r.output}`);
        } else if (a?.kind === 'editor:open-file') {
          assert.notEqual(ws.read(a.file), null, `${where}: ${a.file} is not in the workspace`);
        } else if (isEdit(a)) {
          const r = applyEdit(ws.read(a.file), a);
          assert.ok('text' in r, `${where}: ${'error' in r ? r.error : ''}`);
          ws.write(a.file, r.text);
        }
      }
    }
  }
});
