/** When each function was last invoked through this gateway (for the platform's idle scaler). */
export class Activity {
  private readonly last = new Map<string, number>();

  touch(name: string, now = Date.now()): void {
    this.last.set(name, now);
  }

  /** Milliseconds since each function's last invocation. */
  idleMs(now = Date.now()): Record<string, number> {
    return Object.fromEntries([...this.last].map(([name, at]) => [name, now - at]));
  }
}
