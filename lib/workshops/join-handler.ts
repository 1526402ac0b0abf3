import { stringifySetCookie } from 'cookie';
import { answerJson, assertFromThisSite } from '../http/answer';
import { readJsonBody } from '../http/json-body';
import { AppError } from '../errors';
import { cookieOf } from '../instructor/request';
import type { Queries } from '../db/queries';
import { PARTICIPANT_COOKIE, PARTICIPANT_COOKIE_OPTIONS, isParticipantId, newParticipantId } from '../session/participant';
import { joinSchema, joinWorkshop } from './join';

/**
 * POST /api/join { code, name } → { workshop: { title }, href, renamed }. The participant is
 * the visitor's own (the cookie proxy.ts gives every visitor); a request that somehow has none
 * gets one here, made the same way, so joining never needs an account.
 */
export function join(q: Queries, req: Request, now = Date.now()): Promise<Response> {
  return answerJson(async () => {
    assertFromThisSite(req, 'Joining a workshop');
    const body = await readJsonBody(req, joinSchema, 4096, () => new AppError('too_large', 'A join request is a code and a name, nothing more.'));
    const cookie = cookieOf(req, PARTICIPANT_COOKIE);
    const participant = isParticipantId(cookie) ? cookie : newParticipantId();
    const joined = joinWorkshop(q, participant, body, now);
    const headers: Record<string, string> = participant === cookie ? {} : { 'Set-Cookie': stringifySetCookie(PARTICIPANT_COOKIE, participant, PARTICIPANT_COOKIE_OPTIONS) };
    return Response.json({ workshop: { title: joined.workshop.title }, href: joined.href, renamed: joined.renamed }, { headers });
  }, 'You could not be added to the session; try again.', 'join');
}
