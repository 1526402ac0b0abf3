import assert from 'node:assert/strict';
import test from 'node:test';
import { extendedExpiry, firstExpiry, formatRemaining, isExpired, lifetime } from './lifetime';

const cfg = { FAASLAB_SANDBOX_IDLE_MINUTES: 60, FAASLAB_SANDBOX_MAX_HOURS: 8, FAASLAB_SANDBOX_EXTEND_MINUTES: 60 };
const H = 3600_000;
const t0 = 1_800_000_000_000;

test('an idle sandbox ends at its idle timeout, a busy one at its hard limit', () => {
  const row = { last_active_at: t0, expires_at: firstExpiry(cfg, t0) };
  assert.deepEqual(lifetime(row, cfg, t0 + 10 * 60_000), { endsAt: t0 + H, reason: 'idle', remainingMs: 50 * 60_000 });
  const busy = { last_active_at: t0 + 7.5 * H, expires_at: t0 + 8 * H };
  assert.deepEqual(lifetime(busy, cfg, t0 + 7.5 * H), { endsAt: t0 + 8 * H, reason: 'limit', remainingMs: 0.5 * H });
  assert.equal(isExpired(busy, cfg, t0 + 8 * H), true);
  assert.equal(isExpired(busy, cfg, t0 + 8 * H - 1), false);
});

test('idle timeout 0 means only the hard limit counts', () => {
  const row = { last_active_at: t0, expires_at: t0 + 8 * H };
  assert.equal(lifetime(row, { ...cfg, FAASLAB_SANDBOX_IDLE_MINUTES: 0 }, t0 + 5 * H).reason, 'limit');
});

test('extend adds an hour to the hard limit, never past the maximum from now', () => {
  assert.equal(extendedExpiry({ last_active_at: t0, expires_at: t0 + H }, cfg, t0), t0 + 2 * H);
  assert.equal(extendedExpiry({ last_active_at: t0, expires_at: t0 + 8 * H }, cfg, t0), t0 + 8 * H);
  // already past its limit (the reaper had not run yet): an hour from now
  assert.equal(extendedExpiry({ last_active_at: t0, expires_at: t0 - 5 }, cfg, t0), t0 + H);
});

test('a workshop session\'s lifetime sets the hard limit and its cap; an extension never takes time away', () => {
  assert.equal(firstExpiry(cfg, t0, 3 * H), t0 + 3 * H);
  assert.equal(extendedExpiry({ last_active_at: t0, expires_at: t0 + 3 * H }, cfg, t0, 12 * H), t0 + 4 * H);
  assert.equal(extendedExpiry({ last_active_at: t0, expires_at: t0 + 12 * H }, cfg, t0, 12 * H), t0 + 12 * H);
  // a sandbox that was given 12 h, extended under the site's 8 h cap: it keeps its 12 h
  assert.equal(extendedExpiry({ last_active_at: t0, expires_at: t0 + 12 * H }, cfg, t0), t0 + 12 * H);
});

test('remaining time reads naturally', () => {
  assert.equal(formatRemaining(45_000), '45 s');
  assert.equal(formatRemaining(12 * 60_000 + 30_000), '12 min');
  assert.equal(formatRemaining(H + 5 * 60_000), '1 h 05 min');
});
