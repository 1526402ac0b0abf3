import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { migrate } from '../db/open';
import { queries } from '../db/queries';
import { LoginLimiter, loginKey, waitAfterFailures } from './rate-limit';

/** The limiter over a real SQLite database in memory, with the schema of migrations.ts. */
function memoryStore() {
  const db = new Database(':memory:');
  migrate(db);
  return { db, q: queries(db) };
}

test('the wait: none under the limit, else until the oldest of the last `max` failures leaves the window', () => {
  assert.equal(waitAfterFailures([], 5, 900, 1000), 0);
  assert.equal(waitAfterFailures([1, 2, 3, 4], 5, 900, 10), 0);
  assert.equal(waitAfterFailures([100, 200, 300, 400, 500], 5, 900, 600), 400);
  assert.equal(waitAfterFailures([100, 200, 300, 400, 500, 550], 5, 900, 600), 500, 'with six, the second oldest counts');
  assert.equal(waitAfterFailures([100, 200, 300, 400, 500], 5, 900, 5000), 0, 'never negative');
});

test('five failures in 15 minutes lock that address+email until the oldest leaves the window', () => {
  let now = 1_000_000;
  const { q } = memoryStore();
  const limiter = new LoginLimiter(q, 5, 15 * 60_000, () => now);
  const key = loginKey('10.0.0.1', 'Ada@Example.org ');
  assert.equal(key, loginKey('10.0.0.1', 'ada@example.org'), 'the email is compared without case');
  for (let i = 0; i < 4; i++) { limiter.fail(key); now += 60_000; }
  assert.equal(limiter.retryAfterMs(key), 0, 'four failures still may try');
  limiter.fail(key);
  assert.equal(limiter.retryAfterMs(key), 11 * 60_000, 'the first failure (15 min ago minus 4) leaves in 11 min');
  assert.equal(limiter.retryAfterMs(loginKey('10.0.0.2', 'ada@example.org')), 0, 'another address is not locked');
  assert.equal(limiter.retryAfterMs(loginKey('10.0.0.1', 'bob@example.org')), 0, 'another email is not locked');
  now += 11 * 60_000;
  assert.equal(limiter.retryAfterMs(key), 0);
});

test('a good login clears the count; failures out of every window are swept from the table', () => {
  let now = 0;
  const { db, q } = memoryStore();
  const limiter = new LoginLimiter(q, 2, 60_000, () => now);
  limiter.fail('k'); limiter.fail('k');
  assert.ok(limiter.retryAfterMs('k') > 0);
  limiter.succeed('k');
  assert.equal(limiter.retryAfterMs('k'), 0);
  limiter.fail('old');
  now += 61_000;
  limiter.fail('new');
  const rows = db.prepare('SELECT key FROM login_failures').all() as { key: string }[];
  assert.deepEqual(rows.map((r) => r.key), ['new'], 'the failure older than the window is gone');
});
