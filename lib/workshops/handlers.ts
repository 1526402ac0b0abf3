import type { InstructorDeps } from '../instructor/deps';
import { answerInstructor, assertFromDashboard, readForm } from '../instructor/http';
import { requireInstructor } from '../instructor/request';
import { newWorkshopSchema } from './schema';
import { createWorkshop, ownWorkshop, toWorkshop } from './workshops';

const clock = (deps: InstructorDeps) => deps.now?.() ?? Date.now();

/** GET /api/instructor/workshops → { workshops }: the logged-in instructor's own sessions (with `members`), latest first. */
export function listWorkshops(deps: InstructorDeps, req: Request): Promise<Response> {
  return answerInstructor(async () => {
    const me = await requireInstructor(deps, req);
    return { workshops: deps.q.workshopsOf(me.id).map((r) => ({ ...toWorkshop(r), members: r.members })) };
  });
}

/** POST /api/instructor/workshops { title, labs, capacity, startsAt, endsAt, sandboxLifetimeMinutes, poolSize } → { workshop }. */
export function postWorkshop(deps: InstructorDeps, req: Request): Promise<Response> {
  return answerInstructor(async () => {
    assertFromDashboard(req);
    const me = await requireInstructor(deps, req);
    const now = clock(deps);
    const body = await readForm(req, newWorkshopSchema(deps.catalogue().map((l) => l.slug), now));
    return Response.json({ workshop: createWorkshop(deps.q, me.id, body, now) }, { status: 201 });
  });
}

/** GET /api/instructor/workshops/<id> → { workshop, members }: one of the instructor's own sessions (404 for anyone else's). */
export function getWorkshop(deps: InstructorDeps, req: Request, id: string): Promise<Response> {
  return answerInstructor(async () => {
    const me = await requireInstructor(deps, req);
    const workshop = ownWorkshop(deps.q, me.id, id);
    const members = deps.q.membersOf(workshop.id).map((m) => ({ displayName: m.display_name, joinedAt: m.joined_at }));
    return { workshop, members };
  });
}
