import type { Queries } from '../db/queries';

/** Where failed logins are kept: SQLite (migration 9), so a restart does not reset the count. */
export type LoginFailureStore = Pick<Queries, 'loginFailuresSince' | 'insertLoginFailure' | 'deleteLoginFailures' | 'sweepLoginFailures'>;

/**
 * 0 when a key with failures at `recent` (oldest first, all inside the window) may try at `now`;
 * else the milliseconds until the oldest of the last `max` leaves the window.
 */
export function waitAfterFailures(recent: number[], max: number, windowMs: number, now: number): number {
  return recent.length < max ? 0 : Math.max(0, recent[recent.length - max] + windowMs - now);
}

/**
 * Failed logins counted per key (address + email) in a sliding window: past `max` failures in
 * `windowMs`, more attempts are refused until the oldest failure leaves the window. Kept in the
 * database, not in memory: restarting the server must not hand a guesser five fresh tries, and
 * several web servers on one database share the count.
 */
export class LoginLimiter {
  constructor(private readonly store: LoginFailureStore, private readonly max = 5, private readonly windowMs = 15 * 60_000, private readonly now: () => number = Date.now) {}

  /** 0 when `key` may try now, else the milliseconds until it may. */
  retryAfterMs(key: string): number {
    const now = this.now();
    return waitAfterFailures(this.store.loginFailuresSince(key, now - this.windowMs), this.max, this.windowMs, now);
  }

  /** Count a failure; failures out of every window are swept meanwhile, so made-up emails cannot grow the table without end. */
  fail(key: string): void {
    const now = this.now();
    this.store.insertLoginFailure(key, now);
    this.store.sweepLoginFailures(now - this.windowMs);
  }

  /** A good login clears the count for its key. */
  succeed(key: string): void {
    this.store.deleteLoginFailures(key);
  }
}

/** The limiter's key: the client address and the email, lower-cased (one address cannot lock out everyone). */
export const loginKey = (address: string, email: string) => `${address}|${email.trim().toLowerCase()}`;
