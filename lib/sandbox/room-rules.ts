import type { Queries } from '../db/queries';
import { stateAt, toWorkshop } from '../workshops/workshops';
import { siteMaxMs, type LifetimeConfig } from './lifetime';

/** What a participant's sandbox follows: the site's rules, or those of the workshop session they are in. */
export type SandboxRules = {
  /** The running session they joined last, whose warm pool they take from first; null: none. */
  workshopId: string | null;
  /** The hard limit's length: the session's sandbox lifetime, else FAASLAB_SANDBOX_MAX_HOURS. */
  maxMs: number;
};

/**
 * The rules for `participantId` now. A session's rules hold only while it runs: after its end
 * (or before its start) its members are self-paced participants like anyone else.
 */
export function sandboxRules(q: Queries, cfg: LifetimeConfig, participantId: string, now: number): SandboxRules {
  const row = q.latestWorkshopOf(participantId);
  if (!row) return { workshopId: null, maxMs: siteMaxMs(cfg) };
  const w = toWorkshop(row);
  return stateAt(w, now) === 'live' ? { workshopId: w.id, maxMs: w.sandboxLifetimeMinutes * 60_000 } : { workshopId: null, maxMs: siteMaxMs(cfg) };
}
