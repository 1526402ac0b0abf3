import type { Queries } from '../db/queries';
import { answerJson } from '../http/answer';
import { AppError } from '../errors';
import { cookieOf } from '../instructor/request';
import { PARTICIPANT_COOKIE, isParticipantId } from '../session/participant';
import { stateAt, toWorkshop } from '../workshops/workshops';
import { presenceOf } from './presence';

/** What a member's pages show in their banner: the instructor's latest message, or that the session ended. */
export type Notice = { id: string; kind: 'broadcast' | 'ended'; title: string; message: string; at: number };

/** The banner for a participant now: from the session they joined last, while it runs (its latest broadcast) or once its instructor ended it. */
export function noticeFor(q: Queries, participantId: string, now: number): Notice | null {
  const row = q.latestWorkshopOf(participantId);
  if (!row) return null;
  const w = toWorkshop(row);
  const state = stateAt(w, now);
  if (state === 'ended') {
    return row.ended_at !== null
      ? { id: `ended-${w.id}`, kind: 'ended', title: w.title, at: row.ended_at, message: `Your instructor has ended “${w.title}”. Your sandbox was removed; your files and progress are kept, and you can go on with the labs on your own.` }
      : null;
  }
  if (state !== 'live') return null;
  const b = q.latestBroadcast(w.id);
  return b && b.cleared_at === null ? { id: `b${b.id}`, kind: 'broadcast', title: w.title, message: b.message, at: b.at } : null;
}

/** GET /api/workshop/notice → { notice, instructor: 'watching' | 'in-terminal' | null }: polled by every page of a participant (401 without their cookie). */
export function getNotice(q: Queries, req: Request, now = Date.now()): Promise<Response> {
  return answerJson(() => {
    const pid = cookieOf(req, PARTICIPANT_COOKIE);
    if (!isParticipantId(pid)) throw new AppError('unauthorized', 'Your browser did not send a participant cookie.', { hint: 'Reload the page.' });
    return Response.json({ notice: noticeFor(q, pid, now), instructor: presenceOf(pid) }, { headers: { 'Cache-Control': 'no-store' } });
  }, 'The session\'s messages could not be read.', 'workshop notice');
}
