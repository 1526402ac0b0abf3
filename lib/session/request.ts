import type { IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';
import { PARTICIPANT_COOKIE, isParticipantId } from './participant';

/**
 * The participant of a raw Node request (a WebSocket upgrade, which never passes through
 * Next's proxy or cookies()), or null when its cookie is missing or malformed.
 */
export function participantOfRequest(req: Pick<IncomingMessage, 'headers'>): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const id = parseCookie(header)[PARTICIPANT_COOKIE];
  return isParticipantId(id) ? id : null;
}

/**
 * True unless a browser says the request comes from another site's page. Browsers send the
 * cookie with cross-origin WebSocket handshakes too (CORS does not apply to them), so a page on
 * another origin could otherwise open a shell as the participant ("cross-site WebSocket
 * hijacking"). Clients that are not browsers send no Origin and still need the cookie.
 */
export function isSameOrigin(req: Pick<IncomingMessage, 'headers'>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  try {
    return new URL(origin).host === String(host).split(',')[0].trim();
  } catch {
    return false;
  }
}
