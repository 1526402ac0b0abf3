'use client';

import type { RoomPoolStatus } from '@/lib/sandbox/room-pool';

const time = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The session's sandboxes made ahead, in the room's summary: when making starts (an hour
 * before the start), then how many are ready of how many wanted, while the rest are made.
 * Nothing when the session asked for none, or when there is nothing left to make ahead.
 */
export function PoolStatus({ pool, poolSize, now, ended }: { pool: RoomPoolStatus; poolSize: number; now: number; ended: boolean }) {
  if (poolSize === 0 || ended) return null;
  if (now < pool.fillsFrom) return <span data-testid="pool-status">{poolSize} sandbox{poolSize === 1 ? '' : 'es'} will be made ahead from {time(pool.fillsFrom)}</span>;
  if (pool.wanted === 0) return null;
  const done = pool.ready >= pool.wanted;
  return (
    <span data-testid="pool-status" className="pool-status">
      <strong>{Math.min(pool.ready, pool.wanted)}</strong> of {pool.wanted} sandbox{pool.wanted === 1 ? '' : 'es'} made ahead {done ? 'ready' : 'ready, making the rest…'}
      <progress value={Math.min(pool.ready, pool.wanted)} max={pool.wanted} aria-label="Sandboxes made ahead" />
    </span>
  );
}
