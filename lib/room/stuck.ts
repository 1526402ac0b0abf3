/**
 * Who in a room needs the instructor: no new passed check and no step opened for STUCK_IDLE_MS
 * while the session runs, or one check failed STUCK_FAILS times in a row (check_results counts
 * the failures since its last pass). Pure, so the rule is tested on its own.
 */
export const STUCK_IDLE_MS = 10 * 60_000;
export const STUCK_FAILS = 3;

export type FailingCheck = { lab: string; step: string; check: string; fails: number; where: string };

export type StuckInput = {
  /** Whether the session runs now (nobody is stuck before it starts or after it ends). */
  live: boolean;
  now: number;
  /** The latest sign of progress: a check passed, a step opened, or joining (or the start, when later). */
  lastProgressAt: number;
  /** Checks whose latest result failed, with their failures in a row. */
  failing: FailingCheck[];
};

const minutes = (ms: number) => Math.floor(ms / 60_000);

/** Why a participant looks stuck, as the roster says it; empty when they do not. */
export function stuckReasons(s: StuckInput): string[] {
  if (!s.live) return [];
  const reasons: string[] = [];
  const idle = s.now - s.lastProgressAt;
  if (idle >= STUCK_IDLE_MS) reasons.push(`No progress for ${minutes(idle)} min`);
  for (const f of s.failing) if (f.fails >= STUCK_FAILS) reasons.push(`Check “${f.check}” failed ${f.fails} times in a row (${f.where})`);
  return reasons;
}
