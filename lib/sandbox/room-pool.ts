import type { Queries } from '../db/queries';

/** A session's sandboxes start being made this long before it starts (40 take about 6 min here; see docs/benchmarks.md). */
export const POOL_LEAD_MS = 60 * 60_000;

/** How many sandboxes to keep ready for one session now. */
export type RoomPoolTarget = { workshopId: string; size: number };

/**
 * Each session's share of the warm pool now: from an hour before its start until its end, as
 * many as its "sandboxes to make ahead", but never more than the places whose person has no
 * sandbox yet (not joined, or joined and about to take one).
 */
export function roomPoolTargets(q: Queries, now: number): RoomPoolTarget[] {
  return q.workshopsWantingPool(now, now + POOL_LEAD_MS)
    .map((w) => ({ workshopId: w.id, size: Math.max(0, Math.min(w.pool_size, w.capacity - w.with_sandbox)) }));
}

/** What the room's dashboard shows of its pool: wanted now, ready, being made; and when making starts. */
export type RoomPoolStatus = { wanted: number; ready: number; making: number; fillsFrom: number };

export function roomPoolStatus(q: Queries, instance: string, w: { id: string; startsAt: number; poolSize: number }, now: number): RoomPoolStatus {
  const target = roomPoolTargets(q, now).find((t) => t.workshopId === w.id);
  const rows = q.poolSandboxes(instance, w.id);
  const ready = rows.filter((r) => r.status === 'ready').length;
  return { wanted: target?.size ?? 0, ready, making: rows.length - ready, fillsFrom: w.startsAt - POOL_LEAD_MS };
}
