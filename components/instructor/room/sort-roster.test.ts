import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RosterMember } from '@/lib/room/roster';
import { DEFAULT_ORDER, sortMembers } from './sort-roster';

const member = (displayName: string, o: Partial<RosterMember> = {}): RosterMember => ({
  key: displayName, displayName, joinedAt: 0, current: null, labs: [], lastActivityAt: 0, stuck: [],
  sandbox: { state: 'none', remainingMs: null, endsAt: null, reason: null }, ...o,
});
const labs = ['01-prepare', '03-functions'];
const names = (ms: RosterMember[]) => ms.map((m) => m.displayName);
const at = (lab: string, step: string) => ({ lab, step, label: '', href: '', at: 0 });

test('by default who needs help comes first, then everyone by name (ignoring case)', () => {
  const ms = [member('carol'), member('Bob', { stuck: ['No progress for 12 min'] }), member('alice'), member('Dan', { stuck: ['x'] })];
  assert.deepEqual(names(sortMembers(ms, DEFAULT_ORDER, labs)), ['Bob', 'Dan', 'alice', 'carol']);
});

test('by current step: the lab order of the session, then the step number; descending puts the furthest first', () => {
  const ms = [member('a', { current: at('03-functions', '02-hello') }), member('b'), member('c', { current: at('01-prepare', '04-your-stack') }), member('d', { current: at('03-functions', '10-x') })];
  assert.deepEqual(names(sortMembers(ms, { column: 'step', descending: false }, labs)), ['b', 'c', 'a', 'd']);
  assert.deepEqual(names(sortMembers(ms, { column: 'step', descending: true }, labs)), ['d', 'a', 'c', 'b']);
});

test('by a lab\'s checks passed, by sandbox time left (none first), by last activity', () => {
  const lab = (n: number) => [{ lab: '01-prepare', number: 1, title: '', checksPassed: n, checksTotal: 9, stepsDone: 0, stepsTotal: 4 }];
  const ms = [member('a', { labs: lab(3), lastActivityAt: 5 }), member('b', { labs: lab(7), lastActivityAt: 9, sandbox: { state: 'ready', remainingMs: 60_000, endsAt: 1, reason: 'idle' } }), member('c', { labs: lab(0), lastActivityAt: 1, sandbox: { state: 'ready', remainingMs: 10, endsAt: 1, reason: 'idle' } })];
  assert.deepEqual(names(sortMembers(ms, { column: 'lab:01-prepare', descending: true }, labs)), ['b', 'a', 'c']);
  assert.deepEqual(names(sortMembers(ms, { column: 'sandbox', descending: false }, labs)), ['a', 'c', 'b']);
  assert.deepEqual(names(sortMembers(ms, { column: 'activity', descending: true }, labs)), ['b', 'a', 'c']);
});
