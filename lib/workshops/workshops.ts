import { randomBytes } from 'node:crypto';
import type { Queries } from '../db/queries';
import type { WorkshopRow } from '../db/workshop-queries';
import { AppError } from '../errors';
import { newJoinCode } from './new-join-code';
import type { NewWorkshop } from './schema';

export type WorkshopState = 'upcoming' | 'live' | 'ended';

/** A workshop session as the dashboard and the join pages see it. */
export type Workshop = {
  id: string; title: string; labs: string[]; capacity: number; startsAt: number; endsAt: number;
  sandboxLifetimeMinutes: number; poolSize: number; joinCode: string; joinPath: string; createdAt: number;
};

export const joinPath = (code: string) => `/join/${code}`;

export function toWorkshop(r: WorkshopRow): Workshop {
  return {
    id: r.id, title: r.title, labs: JSON.parse(r.labs) as string[], capacity: r.capacity, startsAt: r.starts_at,
    // ended early by its instructor: its end is then
    endsAt: r.ended_at !== null ? Math.min(r.ends_at, r.ended_at) : r.ends_at,
    sandboxLifetimeMinutes: r.sandbox_lifetime_minutes, poolSize: r.pool_size, joinCode: r.join_code, joinPath: joinPath(r.join_code), createdAt: r.created_at,
  };
}

export const stateAt = (w: Pick<Workshop, 'startsAt' | 'endsAt'>, now: number): WorkshopState => (now < w.startsAt ? 'upcoming' : now < w.endsAt ? 'live' : 'ended');

/** Store a new session of `instructorId` with a fresh join code (another is drawn on the rare clash). */
export function createWorkshop(q: Queries, instructorId: string, input: NewWorkshop, now = Date.now()): Workshop {
  const id = randomBytes(9).toString('base64url');
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = {
      id, instructor_id: instructorId, title: input.title, labs: JSON.stringify(input.labs), capacity: input.capacity,
      starts_at: input.startsAt, ends_at: input.endsAt, sandbox_lifetime_minutes: input.sandboxLifetimeMinutes,
      pool_size: input.poolSize, join_code: newJoinCode(), created_at: now,
    };
    if (q.insertWorkshop(row)) return toWorkshop({ ...row, ended_at: null });
  }
  throw new AppError('conflict', 'No free join code was found; nothing was created.', { hint: 'Try again.' });
}

/** One of the instructor's own sessions; another instructor's is not_found, exactly like one that does not exist. */
export function ownWorkshop(q: Queries, instructorId: string, id: string): Workshop {
  const row = q.workshop(id);
  if (!row || row.instructor_id !== instructorId) throw new AppError('not_found', 'You have no workshop session with that id.', { hint: 'Open it from your list at /instructor.' });
  return toWorkshop(row);
}
