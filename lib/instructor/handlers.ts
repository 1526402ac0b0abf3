import { AppError } from '../errors';
import { authenticate, createInstructor } from './accounts';
import type { InstructorDeps } from './deps';
import { answerInstructor as answer, assertFromDashboard, readForm } from './http';
import { loginKey } from './rate-limit';
import { cookieOf, peerOf, requireInstructor } from './request';
import { loginSchema, logoutSchema, newInstructorSchema } from './schemas';
import { INSTRUCTOR_COOKIE, isHttps, sessionSetCookie } from './session-cookie';
import { endAllSessions, endSession, sessionOfCookie, startSession } from './sessions';

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * POST /api/instructor/login { email, password } → { instructor } and the login cookie. 401 for
 * a wrong email or password (the same message for both), 429 after 5 failures in 15 minutes
 * from one address for one email, saying when to try again.
 */
export function login(deps: InstructorDeps, req: Request): Promise<Response> {
  return answer(async () => {
    assertFromDashboard(req);
    const body = await readForm(req, loginSchema);
    const key = loginKey(peerOf(req), body.email);
    const wait = deps.limiter.retryAfterMs(key);
    if (wait > 0) throw new AppError('quota', `Too many failed logins for ${body.email}. Try again in ${minutes(wait)} minute${minutes(wait) === 1 ? '' : 's'}.`, { hint: 'Wait until then. Each try counts for this email from this address only, so a colleague can still log in.', detail: { retryAfterSeconds: Math.ceil(wait / 1000) } });
    const me = await authenticate(deps.q, body.email, body.password);
    if (!me) {
      deps.limiter.fail(key);
      throw new AppError('unauthorized', 'That email and password do not match an instructor account.', { hint: 'Check both; passwords are case-sensitive. Participants do not log in: they join with a code at /join.' });
    }
    deps.limiter.succeed(key);
    const cookie = sessionSetCookie(await startSession(deps, me.id), isHttps(req));
    return Response.json({ instructor: me }, { headers: { 'Set-Cookie': cookie } });
  });
}

/**
 * POST /api/instructor/logout {} → { ok, ended } and a cookie that is gone (also when there was
 * none). The login's row is deleted, so a copy of the cookie is refused from then on; with
 * { everywhere: true }, every login of that instructor ends. `ended`: how many logins ended.
 */
export function logout(deps: InstructorDeps, req: Request): Promise<Response> {
  return answer(async () => {
    assertFromDashboard(req);
    const body = await readForm(req, logoutSchema);
    const value = cookieOf(req, INSTRUCTOR_COOKIE);
    let ended = 0;
    if (body.everywhere) {
      const s = await sessionOfCookie(deps, value);
      if (s.state === 'live') ended = endAllSessions(deps.q, s.instructor.id);
    } else if (await endSession(deps, value)) ended = 1;
    return Response.json({ ok: true, ended }, { headers: { 'Set-Cookie': sessionSetCookie(null, isHttps(req)) } });
  });
}

/** POST /api/instructor/instructors { email, name, password } → { instructor }: a logged-in instructor adds another. */
export function addInstructor(deps: InstructorDeps, req: Request): Promise<Response> {
  return answer(async () => {
    assertFromDashboard(req);
    const me = await requireInstructor(deps, req);
    const body = await readForm(req, newInstructorSchema);
    return { instructor: await createInstructor(deps.q, body, me.id) };
  });
}
