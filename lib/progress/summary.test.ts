import assert from 'node:assert/strict';
import test from 'node:test';
import type { CheckResultRow, StepVisitRow } from '../db/queries';
import type { LabInfo } from '../labs/schema';
import type { StepCheck } from './step-checks';
import { checkStatuses, summarise, type ProgressInput } from './summary';

// The summaries the catalogue, a lab's overview and the sandbox bar show, on made-up records.
const step = (slug: string, title: string) => ({ slug, title, summary: '…', dir: `/labs/${slug}` });
const catalogue: LabInfo[] = [
  { slug: '01-prepare', title: 'Lab 1', summary: '…', minutes: 10, dir: '/labs/01', steps: [step('01-welcome', 'Welcome'), step('02-gateway', 'Your gateway')] },
  { slug: '03-functions', title: 'Lab 3', summary: '…', minutes: 60, dir: '/labs/03', steps: [step('01-templates', 'Templates'), step('02-hello', 'Hello'), step('03-build', 'Build, deploy, invoke')] },
];
const sb = (id: string): StepCheck => ({ id, state: 'sandbox' });
const checks = new Map<string, StepCheck[]>([
  ['03-functions/02-hello', [sb('hello-new')]],
  ['03-functions/03-build', [sb('hello-answers'), { id: 'yaml-written', state: 'workspace' }]],
]);
const result = (step: string, check_id: string, passed: boolean, sandbox_id: string, passedIn: string | null, at = 100): CheckResultRow =>
  ({ participant_id: 'p', lab: '03-functions', step, check_id, passed, sandbox_id, at, passed_sandbox_id: passedIn, passed_at: passedIn ? at : null, fails_in_row: passed ? 0 : 1 });
const visit = (lab: string, step: string, at: number): StepVisitRow => ({ participant_id: 'p', lab, step, at });
const input = (over: Partial<ProgressInput>): ProgressInput => ({ catalogue, checks, results: [], visits: [], currentSandbox: 'sb1', ...over });

test('a newcomer has nothing done, every step not started, and no Continue', () => {
  const p = summarise(input({}));
  assert.equal(p.stepsDone, 0);
  assert.equal(p.stepsTotal, 5);
  assert.equal(p.resume, null);
  assert.deepEqual(p.labs.map((l) => [l.stepsDone, l.stepsTotal]), [[0, 2], [0, 3]]);
  assert.ok(p.labs.flatMap((l) => l.steps).every((s) => s.status === 'not-started' && !s.done));
  assert.deepEqual(p.labs[1].steps.map((s) => s.checksTotal), [0, 1, 2]);
  assert.deepEqual(p.labs.map((l) => [l.started, l.resume.step]), [[false, '01-welcome'], [false, '01-templates']]);
});

test('a step with checks is done when all passed; one without checks once opened; Continue is the step opened last', () => {
  const p = summarise(input({
    visits: [visit('03-functions', '03-build', 300), visit('01-prepare', '01-welcome', 200), visit('03-functions', '02-hello', 100)],
    results: [result('02-hello', 'hello-new', true, 'sb1', 'sb1'), result('03-build', 'hello-answers', true, 'sb1', 'sb1')],
  }));
  const [hello, build] = p.labs[1].steps.slice(1);
  assert.deepEqual([hello.done, hello.checksPassed, hello.checksTotal, hello.status], [true, 1, 1, 'done']);
  assert.deepEqual([build.done, build.checksPassed, build.checksTotal, build.status], [false, 1, 2, 'started']);
  assert.deepEqual(p.labs[0].steps.map((s) => s.status), ['done', 'not-started']);
  assert.equal(p.stepsDone, 2);
  assert.equal(p.resume?.href, '/labs/03-functions/03-build');
  assert.equal(p.resume?.title, 'Build, deploy, invoke');
  assert.deepEqual(p.labs.map((l) => [l.started, l.resume.step]), [[true, '01-welcome'], [true, '03-build']]);
  assert.deepEqual(p.redo, []);
});

test('a failed retry leaves a step done; a check that never passed does not count', () => {
  const retried = { ...result('02-hello', 'hello-new', false, 'sb1', 'sb1', 200), passed_at: 100 };
  const p = summarise(input({ results: [retried, result('03-build', 'hello-answers', false, 'sb1', null)] }));
  assert.equal(p.labs[1].steps[1].done, true);
  assert.equal(p.labs[1].steps[2].checksPassed, 0);
  assert.equal(p.labs[1].steps[2].status, 'started');
  assert.equal(checkStatuses(checks.get('03-functions/02-hello')!, [retried], 'sb1')['hello-new'].passed, false);
});

test('after a reset, sandbox checks that passed in the old sandbox need redoing; workspace checks and the steps done stay', () => {
  const results = [
    result('02-hello', 'hello-new', true, 'old', 'old'),
    result('03-build', 'hello-answers', true, 'old', 'old'),
    result('03-build', 'yaml-written', true, 'old', 'old'),
  ];
  const p = summarise(input({ results, currentSandbox: 'new' }));
  assert.equal(p.stepsDone, 2);
  assert.deepEqual(p.redo.map((r) => `${r.check} (Lab ${r.labNumber} step ${r.stepNumber}) ${r.href}`), [
    'hello-new (Lab 3 step 2) /labs/03-functions/02-hello',
    'hello-answers (Lab 3 step 3) /labs/03-functions/03-build',
  ]);
  assert.deepEqual(p.labs[1].steps[2].redo, ['hello-answers']);
  // nothing visited, but checks recorded: Continue goes to the first step not done
  assert.equal(p.resume?.href, '/labs/01-prepare/01-welcome');
  assert.equal(p.labs[1].resume.step, '01-templates', "a lab's button: its first step not done");
  assert.deepEqual(checkStatuses(checks.get('03-functions/03-build')!, results, 'new'), {
    'hello-answers': { passed: true, at: 100, redo: true },
    'yaml-written': { passed: true, at: 100, redo: false },
  });
  // with no sandbox at all (it expired), the old passes need redoing too; run again in the new one, they don't
  assert.equal(summarise(input({ results, currentSandbox: null })).redo.length, 2);
  const again = [...results.slice(1), result('02-hello', 'hello-new', true, 'new', 'new')];
  assert.deepEqual(summarise(input({ results: again, currentSandbox: 'new' })).redo.map((r) => r.check), ['hello-answers']);
});

test('checks and visits the lessons no longer have are left out', () => {
  const p = summarise(input({ visits: [visit('03-functions', '99-gone', 500), visit('01-prepare', '02-gateway', 100)], results: [result('02-hello', 'renamed', true, 'sb1', 'sb1')] }));
  assert.equal(p.resume?.step, '02-gateway');
  assert.equal(p.labs[1].steps[1].checksPassed, 0);
  assert.deepEqual(checkStatuses(checks.get('03-functions/02-hello')!, [result('02-hello', 'renamed', true, 'sb1', 'sb1')], 'sb1'), {});
});
