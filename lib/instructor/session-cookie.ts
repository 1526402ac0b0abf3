import { sealData, unsealData } from 'iron-session';
import { stringifySetCookie } from 'cookie';
import { z } from 'zod';

/**
 * The instructor's login: the instructor id sealed (encrypted and authenticated) with
 * iron-session's sealData, so it cannot be read or forged without the secret. sealData alone,
 * not getIronSession, because the handlers read cookies from the Request they are given (as the
 * integration test calls them) and Next's cookies() is only there inside a request.
 */
export const INSTRUCTOR_COOKIE = 'faaslab_instructor';
export const SESSION_SECONDS = 12 * 3600;

const sessionSchema = z.object({ iid: z.string().min(1), at: z.number() });
export type InstructorSession = z.infer<typeof sessionSchema>;

export function sealSession(instructorId: string, secret: string, at = Date.now()): Promise<string> {
  return sealData({ iid: instructorId, at } satisfies InstructorSession, { password: secret, ttl: SESSION_SECONDS });
}

/** The session a cookie holds; null when missing, forged, sealed with another secret, or expired (iron-session gives {} then). */
export async function unsealSession(value: string | undefined, secret: string): Promise<InstructorSession | null> {
  if (!value) return null;
  const data = await unsealData<unknown>(value, { password: secret, ttl: SESSION_SECONDS }).catch(() => null);
  const parsed = sessionSchema.safeParse(data);
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
