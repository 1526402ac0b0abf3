/**
 * Failed logins counted per key (address + email) in a sliding window: past `max` failures in
 * `windowMs`, more attempts are refused until the oldest failure leaves the window. In memory:
 * one web server serves an instance, and a restart forgetting the count is harmless.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly max = 5, private readonly windowMs = 15 * 60_000, private readonly now: () => number = Date.now) {}

  /** 0 when `key` may try now, else the milliseconds until it may. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    return recent.length < this.max ? 0 : recent[recent.length - this.max] + this.windowMs - this.now();
  }

  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 10_000) this.sweep();
  }

  /** A good login clears the count for its key. */
  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  /** Forget keys with no failure in the window, so a flood of made-up emails cannot grow the map without end. */
  private sweep(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key);
  }
}

/** The limiter's key: the client address and the email, lower-cased (one address cannot lock out everyone). */
export const loginKey = (address: string, email: string) => `${address}|${email.trim().toLowerCase()}`;
