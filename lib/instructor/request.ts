import { parseCookie } from 'cookie';
import { AppError } from '../errors';
import { toInstructor, type Instructor } from './accounts';
import type { InstructorDeps } from './deps';
import { INSTRUCTOR_COOKIE, unsealSession } from './session-cookie';

/** A cookie of a Cookie header, by name. */
export const cookieOf = (req: Request, name: string): string | undefined => parseCookie(req.headers.get('cookie') ?? '')[name];

/** The instructor a sealed cookie value names, when it is genuine, unexpired and the account still exists. */
export async function instructorOfCookie(deps: Pick<InstructorDeps, 'q' | 'secret'>, value: string | undefined): Promise<Instructor | null> {
  const session = await unsealSession(value, deps.secret);
  const row = session ? deps.q.instructor(session.iid) : undefined;
  return row ? toInstructor(row) : null;
}

/** The logged-in instructor of a request; 401 otherwise (no instructor API answers without the cookie). */
export async function requireInstructor(deps: Pick<InstructorDeps, 'q' | 'secret'>, req: Request): Promise<Instructor> {
  const me = await instructorOfCookie(deps, cookieOf(req, INSTRUCTOR_COOKIE));
  if (!me) throw new AppError('unauthorized', 'You are not logged in as an instructor (or your login has expired).', { hint: 'Log in at /instructor/login.' });
  return me;
}

/**
 * The client's address, for the login limit. server.ts sets x-faaslab-peer from the socket on
 * every request (overwriting what a client sends), unlike x-forwarded-for, which a client could
 * choose freely to dodge the limit.
 */
export const PEER_HEADER = 'x-faaslab-peer';
export const peerOf = (req: Request) => req.headers.get(PEER_HEADER) ?? 'unknown';
