import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STUCK_IDLE_MS, stuckReasons } from './stuck';

const now = 1_000_000_000;
const base = { live: true, now, lastProgressAt: now - 60_000, failing: [] };
const fail = (fails: number) => ({ lab: '01-prepare', step: '01-welcome', check: 'gateway-noted', fails, where: 'Lab 1, step 1' });

test('ten minutes without a passed check or a step opened is stuck; nine is not', () => {
  assert.deepEqual(stuckReasons(base), []);
  assert.deepEqual(stuckReasons({ ...base, lastProgressAt: now - STUCK_IDLE_MS + 1 }), []);
  assert.deepEqual(stuckReasons({ ...base, lastProgressAt: now - STUCK_IDLE_MS }), ['No progress for 10 min']);
  assert.deepEqual(stuckReasons({ ...base, lastProgressAt: now - 42 * 60_000 }), ['No progress for 42 min']);
});

test('the same check failing three times in a row is stuck, twice is not; both reasons are given', () => {
  assert.deepEqual(stuckReasons({ ...base, failing: [fail(2)] }), []);
  assert.deepEqual(stuckReasons({ ...base, failing: [fail(3)] }), ['Check “gateway-noted” failed 3 times in a row (Lab 1, step 1)']);
  assert.deepEqual(stuckReasons({ ...base, lastProgressAt: now - 11 * 60_000, failing: [fail(5)] }), ['No progress for 11 min', 'Check “gateway-noted” failed 5 times in a row (Lab 1, step 1)']);
});

test('nobody is stuck while the session is not running', () => {
  assert.deepEqual(stuckReasons({ ...base, live: false, lastProgressAt: 0, failing: [fail(9)] }), []);
});
