import { cookies } from 'next/headers';
import { AppError } from '@/lib/errors';
import { PARTICIPANT_COOKIE, isParticipantId } from '@/lib/session/participant';

/** The current participant's id (set by proxy.ts on the first request). */
export async function currentParticipant(): Promise<string> {
  const id = (await cookies()).get(PARTICIPANT_COOKIE)?.value;
  if (!isParticipantId(id)) throw new AppError('invalid', 'Your browser did not send a participant cookie.', { hint: 'Enable cookies for this site and reload the page.' });
  return id;
}
