import { createHash, randomBytes } from 'node:crypto';
import type { Queries } from '../db/queries';
import { toInstructor, type Instructor } from './accounts';
import { SESSION_SECONDS, sealSession, unsealSession } from './session-cookie';

/**
 * Instructor logins kept on the server (migration 9): a login is a row, and its cookie only
 * names the row by a random id. A sealed cookie alone stays valid until its ttl wherever it was
 * copied to; a row can be deleted, so logging out ends the login for every copy at once.
 */
export type SessionDeps = { q: Queries; secret: string; now?: () => number };

/** How long a login lasts from its start (the cookie's Max-Age too); it is not extended by use. */
export const SESSION_MS = SESSION_SECONDS * 1000;
/** last_seen_at is written at most this often per session (the roster polls every few seconds). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The row's key: the SHA-256 of the id, not the id itself, so a copy of the database (a backup,
 * a leaked file) holds nothing a cookie could be made from even with the secret beside it.
 */
export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

const nowOf = (deps: SessionDeps) => deps.now?.() ?? Date.now();

/** Start a login for an instructor; the sealed cookie value. Expired rows (anyone's) are swept here: logins are rare, so this costs nothing noticeable. */
export async function startSession(deps: SessionDeps, instructorId: string): Promise<string> {
  const now = nowOf(deps);
  const id = randomBytes(32).toString('base64url');
  deps.q.sweepInstructorSessions(now);
  deps.q.insertInstructorSession({ id_hash: hashSessionId(id), instructor_id: instructorId, created_at: now, last_seen_at: now, expires_at: now + SESSION_MS });
  return sealSession(id, deps.secret);
}

/**
 * What a cookie value amounts to: `none` when there is no genuine cookie (missing, forged, another
 * secret's); `ended` when it is genuine but its login is over (logged out, expired, or the
 * account removed: its rows go with it); else the instructor it is live for.
 */
export type CookieSession = { state: 'none' } | { state: 'ended' } | { state: 'live'; instructor: Instructor };

export async function sessionOfCookie(deps: SessionDeps, value: string | undefined): Promise<CookieSession> {
  const sealed = await unsealSession(value, deps.secret);
  if (!sealed) return { state: 'none' };
  const now = nowOf(deps);
  const idHash = hashSessionId(sealed.sid);
  const row = deps.q.liveInstructorSession(idHash, now);
  const account = row ? deps.q.instructor(row.instructor_id) : undefined;
  if (!account) return { state: 'ended' };
  deps.q.touchInstructorSession(idHash, now, TOUCH_EVERY_MS);
  return { state: 'live', instructor: toInstructor(account) };
}

/** End the login a cookie names (nothing when it names none); true when there was one to end. */
export async function endSession(deps: SessionDeps, value: string | undefined): Promise<boolean> {
  const sealed = await unsealSession(value, deps.secret);
  if (!sealed) return false;
  const idHash = hashSessionId(sealed.sid);
  const live = deps.q.liveInstructorSession(idHash, nowOf(deps)) !== undefined;
  deps.q.deleteInstructorSession(idHash);
  return live;
}

/** End every login of an instructor (“Log out everywhere”); how many were ended. */
export const endAllSessions = (q: Queries, instructorId: string): number => q.deleteInstructorSessionsOf(instructorId);
