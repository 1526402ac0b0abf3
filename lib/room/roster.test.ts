import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckResultRow, SandboxRow } from '../db/queries';
import type { LabInfo } from '../labs/schema';
import { rosterMember, type MemberData, type RosterCheck, type RosterContext } from './roster';

const MIN = 60_000;
const now = 100 * 60 * MIN;
const lab = (slug: string, title: string, steps: string[]): LabInfo => ({ slug, title, summary: 's', minutes: 10, dir: '', steps: steps.map((s) => ({ slug: s, title: `Title ${s}`, summary: 's', dir: '' })) });
const labs = [lab('01-prepare', 'Lab 1: Prepare', ['01-welcome', '02-gateway']), lab('03-functions', 'Lab 3: Functions', ['01-templates'])];
const checks = new Map<string, RosterCheck[]>([
  ['01-prepare/01-welcome', [{ id: 'noted', state: 'workspace' as const }]],
  ['01-prepare/02-gateway', [{ id: 'up', state: 'sandbox' as const }, { id: 'login', state: 'sandbox' as const }]],
  ['03-functions/01-templates', [{ id: 'listed', state: 'workspace' as const }]],
]);
const context: RosterContext = { labs, checks, lifetime: { FAASLAB_SANDBOX_IDLE_MINUTES: 60, FAASLAB_SANDBOX_MAX_HOURS: 8, FAASLAB_SANDBOX_EXTEND_MINUTES: 60 }, startsAt: now - 30 * MIN, live: true, now };
const result = (step: string, check_id: string, passed: boolean, at: number, fails = passed ? 0 : 1): CheckResultRow =>
  ({ participant_id: 'p', lab: '01-prepare', step, check_id, passed, sandbox_id: 'sb', at, passed_sandbox_id: passed ? 'sb' : null, passed_at: passed ? at : null, fails_in_row: fails });
const sandbox = { id: 'sb', status: 'ready', last_active_at: now - 2 * MIN, expires_at: now + 5 * 3600_000 } as SandboxRow;
const data = (over: Partial<MemberData> = {}): MemberData => ({
  member: { workshop_id: 'w', participant_id: 'p', display_name: 'Ada', joined_at: now - 20 * MIN }, key: 'k', results: [], visits: [], sandbox: undefined, ...over,
});

test('a newcomer: no step yet, nothing passed, no sandbox; not stuck in their first ten minutes', () => {
  const m = rosterMember(data({ member: { workshop_id: 'w', participant_id: 'p', display_name: 'Ada', joined_at: now - 5 * MIN } }), context);
  assert.equal(m.current, null);
  assert.deepEqual(m.labs.map((l) => [l.number, l.checksPassed, l.checksTotal, l.stepsDone, l.stepsTotal]), [[1, 0, 3, 0, 2], [3, 0, 1, 0, 1]]);
  assert.deepEqual(m.sandbox, { state: 'none', remainingMs: null, endsAt: null, reason: null });
  assert.equal(m.lastActivityAt, now - 5 * MIN);
  assert.deepEqual(m.stuck, []);
});

test('the current step is the one opened last; checks passed count per lab; the sandbox shows its time left', () => {
  const m = rosterMember(data({
    visits: [{ participant_id: 'p', lab: '01-prepare', step: '02-gateway', at: now - 3 * MIN }, { participant_id: 'p', lab: '01-prepare', step: '01-welcome', at: now - 9 * MIN }],
    results: [result('01-welcome', 'noted', true, now - 8 * MIN), result('02-gateway', 'up', true, now - MIN), result('02-gateway', 'login', false, now - 30_000)],
    sandbox,
  }), context);
  assert.deepEqual(m.current, { lab: '01-prepare', step: '02-gateway', label: 'Lab 1 · 2. Title 02-gateway', href: '/labs/01-prepare/02-gateway', at: now - 3 * MIN });
  assert.deepEqual(m.labs.map((l) => [l.checksPassed, l.checksTotal, l.stepsDone]), [[2, 3, 1], [0, 1, 0]]);
  assert.deepEqual(m.sandbox, { state: 'ready', remainingMs: 58 * MIN, endsAt: now + 58 * MIN, reason: 'idle' });
  assert.equal(m.lastActivityAt, now - 30_000, 'the latest check run');
  assert.deepEqual(m.stuck, []);
});

test('stuck: a check failed three times in a row, or ten minutes without a pass or a visit (a failing run is not progress)', () => {
  const failing = rosterMember(data({ results: [result('02-gateway', 'up', false, now - MIN, 3)], visits: [{ participant_id: 'p', lab: '01-prepare', step: '02-gateway', at: now - 2 * MIN }] }), context);
  assert.deepEqual(failing.stuck, ['Check “up” failed 3 times in a row (Lab 1, step 2)']);
  const titled = new Map<string, RosterCheck[]>([...checks, ['01-prepare/02-gateway', [{ id: 'up', state: 'sandbox' as const, title: 'Your gateway answers' }]]]);
  assert.deepEqual(rosterMember(data({ results: [result('02-gateway', 'up', false, now - MIN, 4)] }), { ...context, checks: titled }).stuck.at(-1), 'Check “Your gateway answers” failed 4 times in a row (Lab 1, step 2)', 'the lesson\'s title, when there is one');
  const idle = rosterMember(data({ results: [result('02-gateway', 'up', false, now - MIN, 1)], visits: [{ participant_id: 'p', lab: '01-prepare', step: '02-gateway', at: now - 15 * MIN }] }), context);
  assert.deepEqual(idle.stuck, ['No progress for 15 min']);
  const ended = rosterMember(data({ results: [result('02-gateway', 'up', false, now - MIN, 7)] }), { ...context, live: false });
  assert.deepEqual(ended.stuck, []);
});

test('progress in labs outside the session, and checks the lessons no longer have, are left out', () => {
  const m = rosterMember(data({
    results: [{ ...result('01-templates', 'x', false, now - MIN, 9), lab: '02-other' }, result('01-welcome', 'gone', false, now - MIN, 5)],
    visits: [{ participant_id: 'p', lab: '02-other', step: '01-x', at: now - MIN }],
  }), context);
  assert.equal(m.current, null);
  assert.deepEqual(m.stuck, ['No progress for 20 min'], 'a visit elsewhere is no progress here, and neither failing check is named');
});
