import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoginLimiter, loginKey } from './rate-limit';

test('five failures in 15 minutes lock that address+email until the oldest leaves the window', () => {
  let now = 1_000_000;
  const limiter = new LoginLimiter(5, 15 * 60_000, () => now);
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

test('a good login clears the count', () => {
  const limiter = new LoginLimiter(2, 60_000, () => 0);
  limiter.fail('k'); limiter.fail('k');
  assert.ok(limiter.retryAfterMs('k') > 0);
  limiter.succeed('k');
  assert.equal(limiter.retryAfterMs('k'), 0);
});
