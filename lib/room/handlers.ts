import { AppError } from '../errors';
import { answerInstructor, assertFromDashboard, readForm } from '../instructor/http';
import { requireInstructor } from '../instructor/request';
import { ownWorkshop, stateAt, toWorkshop, type Workshop } from '../workshops/workshops';
import type { RoomDeps } from './deps';
import { loadRoster, requireMember } from './load';
import { csvFileName, progressCsv } from './progress-csv';
import { broadcastSchema } from './schemas';

const clock = (deps: RoomDeps) => deps.now?.() ?? Date.now();

/** The logged-in instructor's own session `id` (401 without the cookie, 404 for anyone else's). */
export async function mine(deps: Pick<RoomDeps, 'q' | 'secret'>, req: Request, id: string): Promise<Workshop> {
  const me = await requireInstructor(deps, req);
  return ownWorkshop(deps.q, me.id, id);
}

/** A change: this site's pages only (403), then the instructor's own session. */
async function mineToChange(deps: RoomDeps, req: Request, id: string): Promise<Workshop> {
  assertFromDashboard(req);
  return mine(deps, req, id);
}

/** GET …/workshops/<id>/roster → { workshop, state, now, labs, members }: what the room's dashboard polls. */
export function getRoster(deps: RoomDeps, req: Request, id: string): Promise<Response> {
  return answerInstructor(async () => {
    const w = await mine(deps, req, id);
    const roster = await loadRoster(deps, w, clock(deps));
    return Response.json(roster, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** GET …/workshops/<id>/csv → the session's progress as a CSV download, one row per participant. */
export function getProgressCsv(deps: RoomDeps, req: Request, id: string): Promise<Response> {
  return answerInstructor(async () => {
    const roster = await loadRoster(deps, await mine(deps, req, id), clock(deps));
    return new Response(progressCsv(roster), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${csvFileName(roster)}"`, 'Cache-Control': 'no-store' },
    });
  });
}

/** POST …/workshops/<id>/broadcast { message } → { broadcast }: a banner on every member's pages (while the session runs). */
export function postBroadcast(deps: RoomDeps, req: Request, id: string): Promise<Response> {
  return answerInstructor(async () => {
    const w = await mineToChange(deps, req, id);
    const { message } = await readForm(req, broadcastSchema);
    const now = clock(deps);
    if (stateAt(w, now) === 'ended') throw new AppError('conflict', `“${w.title}” has ended: nobody would see the message.`);
    const b = deps.q.insertBroadcast(w.id, message, now);
    return { broadcast: { id: b.id, message: b.message, at: b.at } };
  });
}

/** DELETE …/workshops/<id>/broadcast → { cleared }: the message comes down from every member's pages (at their next poll). */
export function clearBroadcast(deps: RoomDeps, req: Request, id: string): Promise<Response> {
  return answerInstructor(async () => {
    const w = await mineToChange(deps, req, id);
    return { cleared: deps.q.clearBroadcast(w.id, clock(deps)) };
  });
}

/**
 * POST …/workshops/<id>/end → { workshop, sandboxesRemoved }: the session ends now (nobody can
 * join; its end time is now), and every member's sandbox is removed as the reaper removes one:
 * their files and progress stay. Ending again removes any sandbox made since.
 */
export function endSession(deps: RoomDeps, req: Request, id: string): Promise<Response> {
  return answerInstructor(async () => {
    const w = await mineToChange(deps, req, id);
    deps.q.endWorkshop(w.id, clock(deps));
    let removed = 0;
    for (const m of deps.q.membersOf(w.id)) if (await deps.sandboxes.remove(m.participant_id)) removed++;
    return { workshop: toWorkshop(deps.q.workshop(w.id)!), sandboxesRemoved: removed };
  });
}

/** POST …/workshops/<id>/members/<key>/(reset|extend) → { member }: the participant's own Reset (files kept) or Extend, done for them. */
export function memberSandbox(deps: RoomDeps, req: Request, id: string, key: string, action: 'reset' | 'extend'): Promise<Response> {
  return answerInstructor(async () => {
    const w = await mineToChange(deps, req, id);
    const pid = requireMember(deps, w, key);
    if (action === 'reset') await deps.sandboxes.reset(pid);
    else deps.sandboxes.extend(pid);
    const roster = await loadRoster(deps, w, clock(deps));
    return { member: roster.members.find((m) => m.key === key) };
  });
}
