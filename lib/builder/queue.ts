/**
 * The platform's builders, shared fairly: at most `limit` builds run at once (forty people
 * pressing Run must not thrash two cores), and each owner (a sandbox) has a share of
 * `perOwner` running builds. A build beyond its owner's share runs only on a builder nobody
 * else is waiting for: when another owner's build (within its share) waits and every builder
 * is busy, the newest build beyond a share is stopped and goes back to the queue, where it
 * waits its turn and then starts again (the engine's layer cache keeps the steps it finished).
 * So one sandbox's builds, however many and however long, never keep another's waiting.
 *
 * The order is start-time fair queueing: each build gets a tag, its owner's previous tag plus
 * 1/perOwner but never below the tag of the latest build started, so everyone's first build
 * comes before anyone's second, and a newcomer joins the current round rather than jumping
 * ahead of it. Builds within their owner's share come before those beyond it; ties go by
 * arrival. A waiting build learns its position in that order whenever it changes.
 */

export type QueueEvents = {
  /** 1-based position in the queue, whenever it changes while waiting. */
  onPosition?: (n: number) => void;
  /** The build was stopped to let another owner's build run, and waits in the queue again. */
  onPaused?: () => void;
  /** Gives up: removes a waiting build, or aborts the running one (its task sees the abort). */
  signal?: AbortSignal;
};

/** What a participant reads when the queue stops their build for someone else's (onPaused). */
export const PAUSED = 'Paused: another participant needed the builder. Your build starts again when one is free (the steps it finished are cached).';

/** The reason a task's signal gives when the queue stops it for another owner's build. */
export class Preempted extends Error {
  constructor() {
    super('Stopped to let another sandbox build; it will start again when a builder is free.');
    this.name = 'Preempted';
  }
}

type Entry = {
  owner: string;
  seq: number;
  tag: number;
  events: QueueEvents;
  position?: number;
  admit?: () => void;
  startedAt: number;
  controller?: AbortController;
  preempted: boolean;
};

export class BuildQueue {
  private readonly running = new Set<Entry>();
  private waiting: Entry[] = [];
  private seq = 0;
  private starts = 0;
  /** Tag of the latest build started (the queue's virtual time). */
  private now = 0;
  /** Each owner's latest tag, while it may still be ahead of `now`. */
  private readonly lastTag = new Map<string, number>();

  constructor(private readonly limit: number, private readonly perOwner: number = limit) {
    for (const [what, n] of [['build concurrency', limit], ['builds per sandbox', perOwner]] as const) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, got ${n}`);
    }
  }

  /**
   * Run `task` for `owner` when the queue says so. The task gets a signal that aborts when the
   * queue preempts it (reason: a Preempted) or `events.signal` aborts; after a preemption the
   * task runs again later, from the start.
   */
  async run<T>(owner: string, task: (signal: AbortSignal) => Promise<T>, events: QueueEvents = {}): Promise<T> {
    events.signal?.throwIfAborted();
    const tag = Math.max(this.now, (this.lastTag.get(owner) ?? -Infinity) + 1 / this.perOwner);
    this.lastTag.set(owner, tag);
    const entry: Entry = { owner, seq: this.seq++, tag, events, startedAt: 0, preempted: false };
    const onAbort = () => {
      if (this.waiting.includes(entry)) {
        this.waiting = this.waiting.filter((w) => w !== entry);
        this.pump();
      }
      entry.controller?.abort(events.signal!.reason);
    };
    events.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        await this.admit(entry);
        const { signal } = entry.controller!;
        let outcome: { ok: true; value: T } | { ok: false; error: unknown };
        try {
          signal.throwIfAborted(); // stopped between its start and now
          outcome = { ok: true, value: await task(signal) };
        } catch (error) {
          outcome = { ok: false, error };
        }
        const preempted = entry.preempted && !events.signal?.aborted;
        this.release(entry);
        if (outcome.ok) return outcome.value;
        if (!preempted) throw outcome.error;
        events.onPaused?.();
      }
    } finally {
      events.signal?.removeEventListener('abort', onAbort);
    }
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running.size, waiting: this.waiting.length };
  }

  private admit(entry: Entry): Promise<void> {
    entry.position = undefined;
    return new Promise<void>((resolve, reject) => {
      const signal = entry.events.signal;
      const giveUp = () => reject(signal!.reason);
      signal?.addEventListener('abort', giveUp, { once: true });
      entry.admit = () => {
        signal?.removeEventListener('abort', giveUp);
        resolve();
      };
      this.waiting.push(entry);
      this.pump();
    });
  }

  private release(entry: Entry): void {
    this.running.delete(entry);
    entry.controller = undefined;
    entry.preempted = false;
    // An owner whose next tag would be `now` anyway needs no entry (keeps the map to the busy owners).
    for (const [owner, tag] of this.lastTag) if (tag + 1 / this.perOwner <= this.now) this.lastTag.delete(owner);
    this.pump();
  }

  /** Start what may start, stop what must yield, and tell the waiting where they are. */
  private pump(): void {
    for (let next = this.order()[0]; next && this.running.size < this.limit; next = this.order()[0]) {
      this.waiting = this.waiting.filter((w) => w !== next);
      next.startedAt = ++this.starts;
      this.now = Math.max(this.now, next.tag);
      next.preempted = false;
      next.controller = new AbortController();
      this.running.add(next);
      next.admit?.();
    }
    const order = this.order();
    // Every builder is busy (or nobody waits). Waiting builds within their owner's share each
    // get a builder from a build beyond its owner's share, unless one is already being stopped.
    let owed = order.filter((w) => !this.beyondOwnersShare(w)).length - [...this.running].filter((r) => r.preempted).length;
    for (const victim of this.beyondShare()) {
      if (owed-- <= 0) break;
      victim.preempted = true;
      victim.controller?.abort(new Preempted());
    }
    order.forEach((w, i) => {
      if (w.position === i + 1) return;
      w.position = i + 1;
      w.events.onPosition?.(i + 1);
    });
  }

  /** Waiting builds in the order they will be served. */
  private order(): Entry[] {
    const beyond = new Map(this.waiting.map((w) => [w, this.beyondOwnersShare(w)]));
    return [...this.waiting].sort((a, b) => Number(beyond.get(a)) - Number(beyond.get(b)) || a.tag - b.tag || a.seq - b.seq);
  }

  /** Would this waiting build, started now, be beyond its owner's share (counting the owner's running and earlier waiting builds)? */
  private beyondOwnersShare(w: Entry): boolean {
    const running = [...this.running].filter((r) => r.owner === w.owner && !r.preempted).length;
    const before = this.waiting.filter((o) => o.owner === w.owner && (o.tag < w.tag || (o.tag === w.tag && o.seq < w.seq))).length;
    return running + before >= this.perOwner;
  }

  /** Running builds beyond their owner's share (the owner's latest-started ones), newest first, not yet being stopped. */
  private beyondShare(): Entry[] {
    const byOwner = new Map<string, Entry[]>();
    for (const r of this.running) byOwner.set(r.owner, [...(byOwner.get(r.owner) ?? []), r]);
    return [...byOwner.values()]
      .flatMap((list) => list.sort((a, b) => a.startedAt - b.startedAt).slice(this.perOwner))
      .filter((r) => !r.preempted)
      .sort((a, b) => b.startedAt - a.startedAt);
  }
}

const key = Symbol.for('faaslab.buildQueue');
type Holder = { [key]?: BuildQueue };

/** The process's build queue (one per web app), created with the configured limits. */
export function buildQueue(limit: number, perSandbox: number): BuildQueue {
  const g = globalThis as Holder;
  g[key] ??= new BuildQueue(limit, perSandbox);
  return g[key];
}
