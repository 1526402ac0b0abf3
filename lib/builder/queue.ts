/**
 * A first-come, first-served limit on concurrent builds for the whole platform: forty people
 * pressing Run at once must not thrash two cores. A waiting build learns its position as the
 * queue moves, so the participant sees "position 3" rather than a silent spinner.
 */
export class BuildQueue {
  private running = 0;
  private readonly waiting: { start: () => void; onPosition: (n: number) => void }[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`build concurrency must be a positive integer, got ${limit}`);
  }

  /** Run `fn` when a slot is free; onPosition(n) is called with 1-based positions while waiting. */
  async run<T>(fn: () => Promise<T>, onPosition: (n: number) => void = () => {}): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((start) => {
        this.waiting.push({ start, onPosition });
        onPosition(this.waiting.length);
      });
    }
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      const next = this.waiting.shift();
      if (next) next.start();
      this.waiting.forEach((w, i) => w.onPosition(i + 1));
    }
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

const key = Symbol.for('faaslab.buildQueue');
type Holder = { [key]?: BuildQueue };

/** The process's build queue (one per web app), created with the configured limit. */
export function buildQueue(limit: number): BuildQueue {
  const g = globalThis as Holder;
  g[key] ??= new BuildQueue(limit);
  return g[key];
}
