import { sealData, unsealData } from 'iron-session';
import { stringifySetCookie } from 'cookie';
import { z } from 'zod';

/**
 * The instructor's login cookie: the id of a server-side session (lib/instructor/sessions.ts)
 * sealed (encrypted and authenticated) with iron-session's sealData, so it cannot be read or
 * forged without the secret; the session's row decides whether it still counts. sealData alone,
 * not getIronSession, because the handlers read cookies from the Request they are given (as the
 * integration test calls them) and Next's cookies() is only there inside a request.
 */
export const INSTRUCTOR_COOKIE = 'faaslab_instructor';
export const SESSION_SECONDS = 12 * 3600;

/** What the cookie seals. Cookies of before migration 9 held { iid, at } and open as no session (their holder logs in again). */
const sealedSchema = z.object({ sid: z.string().min(1) });
export type SealedSession = z.infer<typeof sealedSchema>;

export function sealSession(sessionId: string, secret: string): Promise<string> {
  return sealData({ sid: sessionId } satisfies SealedSession, { password: secret, ttl: SESSION_SECONDS });
}

/** The session id a cookie holds; null when missing, forged, sealed with another secret, or past iron-session's ttl (it gives {} then). */
export async function unsealSession(value: string | undefined, secret: string): Promise<SealedSession | null> {
  if (!value) return null;
  const data = await unsealData<unknown>(value, { password: secret, ttl: SESSION_SECONDS }).catch(() => null);
  const parsed = sealedSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * The Set-Cookie of a login (or, with null, of a logout). httpOnly: page scripts cannot read it;
 * SameSite=Lax: other sites' pages do not send it with their POSTs; Secure when the site is
 * served over https (behind a TLS proxy too), since a plain-http laptop would never send it back.
 */
export function sessionSetCookie(sealed: string | null, secure: boolean): string {
  return stringifySetCookie(INSTRUCTOR_COOKIE, sealed ?? '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: sealed ? SESSION_SECONDS : 0 });
}

/** Whether the browser reached the site over https (x-forwarded-proto when a proxy ends TLS). */
export function isHttps(req: Request): boolean {
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0].trim();
  return (forwarded ?? new URL(req.url).protocol.replace(':', '')) === 'https';
}
