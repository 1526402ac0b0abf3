import { parseCookie } from 'cookie';
import { AppError } from '../errors';
import type { Instructor } from './accounts';
import { sessionOfCookie, type SessionDeps } from './sessions';
import { INSTRUCTOR_COOKIE, SESSION_SECONDS } from './session-cookie';

/** A cookie of a Cookie header, by name. */
export const cookieOf = (req: Request, name: string): string | undefined => parseCookie(req.headers.get('cookie') ?? '')[name];

/** The instructor a sealed cookie value names, when it is genuine, its login is live (not logged out, not expired) and the account still exists. */
export async function instructorOfCookie(deps: SessionDeps, value: string | undefined): Promise<Instructor | null> {
  const s = await sessionOfCookie(deps, value);
  return s.state === 'live' ? s.instructor : null;
}

/**
 * The logged-in instructor of a request; 401 otherwise (no instructor API answers without the
 * cookie). A genuine cookie whose login is over says so, so whoever holds a copy of a cookie
 * that was logged out learns it is dead rather than that something is broken.
 */
export async function requireInstructor(deps: SessionDeps, req: Request): Promise<Instructor> {
  const s = await sessionOfCookie(deps, cookieOf(req, INSTRUCTOR_COOKIE));
  if (s.state === 'live') return s.instructor;
  const message = s.state === 'ended'
    ? `This instructor login has ended: it was logged out (in this browser, or everywhere from another) or it is more than ${SESSION_SECONDS / 3600} hours old.`
    : 'You are not logged in as an instructor (or your login has expired).';
  throw new AppError('unauthorized', message, { hint: 'Log in at /instructor/login.' });
}

/**
 * The client's address, for the login limit. server.ts sets x-faaslab-peer from the socket on
 * every request (overwriting what a client sends), unlike x-forwarded-for, which a client could
 * choose freely to dodge the limit.
 */
export const PEER_HEADER = 'x-faaslab-peer';
export const peerOf = (req: Request) => req.headers.get(PEER_HEADER) ?? 'unknown';
