import { randomUUID } from 'node:crypto';
import type { ErrorView } from '../errors';

export type Stage = 'sandbox' | 'build' | 'deploy' | 'invoke';
export type JobEvent =
  | { type: 'stage'; stage: Stage; at: number }
  | { type: 'log'; line: string }
  | { type: 'result'; status: number; body: string; durationSeconds: number | null; timings: Record<string, number> }
  | { type: 'error'; error: ErrorView }
  | { type: 'done' };

/**
 * A long action (build → deploy → invoke) whose events are kept and can be followed by any
 * number of viewers; a viewer that connects late (or reconnects) gets the whole history first.
 */
export class Job {
  readonly id = randomUUID();
  readonly events: JobEvent[] = [];
  private readonly listeners = new Set<(e: JobEvent) => void>();
  finishedAt: number | null = null;

  constructor(readonly owner: string) {}

  emit(e: JobEvent): void {
    if (this.finishedAt) return;
    this.events.push(e);
    if (e.type === 'done') this.finishedAt = Date.now();
    for (const l of this.listeners) l(e);
  }

  /** Replay the history, then follow; returns the unsubscribe function. */
  follow(listener: (e: JobEvent) => void): () => void {
    for (const e of this.events) listener(e);
    if (this.finishedAt) return () => {};
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const key = Symbol.for('faaslab.jobs');
type Holder = { [key]?: Map<string, Job> };
const KEEP_MS = 10 * 60_000;
const MAX_JOBS = 500;

function registry(): Map<string, Job> {
  const g = globalThis as Holder;
  g[key] ??= new Map();
  return g[key];
}

export function createJob(owner: string): Job {
  const jobs = registry();
  const now = Date.now();
  // Forget finished jobs after a while (and the oldest finished ones when there are many);
  // a running job is never dropped.
  for (const [id, j] of jobs) if (j.finishedAt && (now - j.finishedAt > KEEP_MS || jobs.size > MAX_JOBS)) jobs.delete(id);
  const job = new Job(owner);
  jobs.set(job.id, job);
  return job;
}

/** A job, only for its owner (job ids are not secrets shared with other participants). */
export function getJob(id: string, owner: string): Job | null {
  const job = registry().get(id);
  return job && job.owner === owner ? job : null;
}

/** Jobs not yet finished (for graceful shutdown). */
export function runningJobs(): Job[] {
  return [...registry().values()].filter((j) => !j.finishedAt);
}
