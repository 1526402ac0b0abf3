/**
 * A sandbox's life, as pure arithmetic over its row and the configuration: it ends at the
 * idle timeout (last activity + idle minutes) or at its hard limit, whichever comes first.
 * Extend adds time to both, never past the hard limit's length from now (FAASLAB_SANDBOX_MAX_HOURS,
 * or the sandbox lifetime of the workshop session the participant is in: `maxMs`).
 */
export type LifetimeConfig = {
  FAASLAB_SANDBOX_IDLE_MINUTES: number;
  FAASLAB_SANDBOX_MAX_HOURS: number;
  FAASLAB_SANDBOX_EXTEND_MINUTES: number;
};
type Row = { last_active_at: number; expires_at: number };

export type Lifetime = {
  /** When the sandbox will be removed if nothing changes (ms since the epoch). */
  endsAt: number;
  /** Which limit that is. */
  reason: 'idle' | 'limit';
  remainingMs: number;
};

const MINUTE = 60_000;

/** How long a sandbox may live at most, unless a workshop session says otherwise. */
export const siteMaxMs = (cfg: LifetimeConfig) => cfg.FAASLAB_SANDBOX_MAX_HOURS * 3600_000;

/** The hard limit of a sandbox made now. */
export const firstExpiry = (cfg: LifetimeConfig, now: number, maxMs = siteMaxMs(cfg)) => now + maxMs;

export function lifetime(row: Row, cfg: LifetimeConfig, now: number): Lifetime {
  const idleEnd = cfg.FAASLAB_SANDBOX_IDLE_MINUTES > 0 ? row.last_active_at + cfg.FAASLAB_SANDBOX_IDLE_MINUTES * MINUTE : Infinity;
  const [endsAt, reason] = idleEnd < row.expires_at ? [idleEnd, 'idle' as const] : [row.expires_at, 'limit' as const];
  return { endsAt, reason, remainingMs: Math.max(0, endsAt - now) };
}

export const isExpired = (row: Row, cfg: LifetimeConfig, now: number) => lifetime(row, cfg, now).remainingMs === 0;

/** The hard limit after one Extend (activity is reset by the caller, which also restarts the idle clock). */
export function extendedExpiry(row: Row, cfg: LifetimeConfig, now: number, maxMs = siteMaxMs(cfg)): number {
  const wanted = Math.max(row.expires_at, now) + cfg.FAASLAB_SANDBOX_EXTEND_MINUTES * MINUTE;
  // (never sooner than it already was: an extension cannot take time away)
  return Math.max(row.expires_at, Math.min(wanted, firstExpiry(cfg, now, maxMs)));
}

/** "1 h 05 min", "12 min", "45 s": what the participant reads beside the Extend button. */
export function formatRemaining(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
