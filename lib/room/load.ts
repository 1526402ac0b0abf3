import { AppError } from '../errors';
import { FOLDER, type LabInfo, type StepInfo } from '../labs/schema';
import { checksByStep } from '../progress/load';
import { readStepChecks } from '../labs/compile';
import { roomPoolStatus, type RoomPoolStatus } from '../sandbox/room-pool';
import { stateAt, type Workshop, type WorkshopState } from '../workshops/workshops';
import type { RoomDeps } from './deps';
import { memberKey } from './member-key';
import { rosterMember, type RosterCheck, type RosterMember } from './roster';

export type Roster = {
  workshop: Workshop; state: WorkshopState; now: number;
  labs: { slug: string; title: string; number: number }[];
  members: RosterMember[];
  /** The message members see in their banner now, if any. */
  broadcast: { message: string; at: number } | null;
  /** The session's sandboxes made ahead. */
  pool: RoomPoolStatus;
};

/** The session's labs from the catalogue, in the session's order (a lab since removed from the catalogue is left out). */
export const sessionLabs = (catalogue: LabInfo[], w: Workshop) => w.labs.map((slug) => catalogue.find((l) => l.slug === slug)).filter((l): l is LabInfo => !!l);

/** A step's checks as checks.yaml declares them, titles included (lib/progress/step-checks.ts keeps only id and state). */
const withTitles = async (step: StepInfo): Promise<RosterCheck[]> => readStepChecks(step.dir).map((c) => ({ id: c.id, state: c.state, title: c.title }));

/** Every member of a session with their progress, sandbox and whether they look stuck, as of `now`. */
export async function loadRoster(deps: RoomDeps, w: Workshop, now: number): Promise<Roster> {
  const labs = sessionLabs(deps.catalogue(), w);
  const checks = await checksByStep(labs, deps.checksOf ?? withTitles);
  const state = stateAt(w, now);
  const context = { labs, checks, lifetime: deps.lifetime, startsAt: w.startsAt, live: state === 'live', now };
  const members = deps.q.membersOf(w.id).map((m) => rosterMember({
    member: m, key: memberKey(deps.secret, w.id, m.participant_id),
    results: deps.q.checkResultsOf(m.participant_id), visits: deps.q.stepVisitsOf(m.participant_id), sandbox: deps.q.sandboxOf(m.participant_id),
  }, context));
  const b = deps.q.latestBroadcast(w.id);
  return {
    workshop: w, state, now, members,
    labs: labs.map((l, i) => ({ slug: l.slug, title: l.title, number: Number(FOLDER.exec(l.slug)?.[1] ?? i + 1) })),
    broadcast: b && b.cleared_at === null ? { message: b.message, at: b.at } : null,
    pool: roomPoolStatus(deps.q, deps.instance, w, now),
  };
}

/** The participant behind a member key of this session, or null (a key of another session never matches). */
export function memberByKey(deps: Pick<RoomDeps, 'q' | 'secret'>, w: Workshop, key: string): string | null {
  return deps.q.membersOf(w.id).find((m) => memberKey(deps.secret, w.id, m.participant_id) === key)?.participant_id ?? null;
}

/** The participant behind a member key of this session; 404 for a key of another session or one made up. */
export function requireMember(deps: Pick<RoomDeps, 'q' | 'secret'>, w: Workshop, key: string): string {
  const pid = memberByKey(deps, w, key);
  if (!pid) throw new AppError('not_found', 'Nobody in this session has that id.', { hint: 'Reload the page: the roster may have changed.' });
  return pid;
}
