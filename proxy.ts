import { NextResponse, type NextRequest } from 'next/server';
import { PARTICIPANT_COOKIE, PARTICIPANT_COOKIE_OPTIONS, isParticipantId, newParticipantId } from './lib/session/participant';

/** Give every visitor a participant id on their first request (and let that request see it). */
export function proxy(request: NextRequest) {
  if (isParticipantId(request.cookies.get(PARTICIPANT_COOKIE)?.value)) return NextResponse.next();
  const id = newParticipantId();
  request.cookies.set(PARTICIPANT_COOKIE, id);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(PARTICIPANT_COOKIE, id, PARTICIPANT_COOKIE_OPTIONS);
  return response;
}

export const config = { matcher: ['/((?!_next/|favicon.ico|monaco/).*)'] };
