import { z } from 'zod';
import type { Queries } from '../db/queries';
import { AppError } from '../errors';
import { displayCode, isJoinCode, normaliseCode } from './join-code';
import { toWorkshop, type Workshop } from './workshops';

export const joinSchema = z.object({
  code: z.string().max(40, 'A join code has 6 characters.').transform(normaliseCode)
    .describe('The session\'s join code, as typed (case, spaces and dashes do not matter)'),
  name: z.string().trim().min(1, 'Enter the name others will know you by.').max(40, 'A display name has at most 40 characters.')
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'A display name cannot hold control characters.')
    .describe('How the instructor sees this participant'),
});
export type JoinInput = z.infer<typeof joinSchema>;

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const inAbout = (ms: number) => {
  const min = Math.ceil(ms / 60_000);
  return min < 90 ? `${min} minute${min === 1 ? '' : 's'}` : `${Math.round(min / 60)} hours`;
};

/** The session with this code, whatever its state; a code that is not one is not_found in the same words. */
export function workshopByCode(q: Queries, typed: string): Workshop {
  const code = normaliseCode(typed);
  const row = isJoinCode(code) ? q.workshopByCode(code) : undefined;
  const shown = code === '' ? 'that code' : `the code ${code.length <= 12 ? displayCode(code) : `${code.slice(0, 12)}…`}`;
  if (!row) throw new AppError('not_found', `No workshop has ${shown}. Check the code with your instructor.`, { hint: 'Codes have 6 letters and digits, like K7M Q2X; there is no 0, O, 1, I or L in them.' });
  return toWorkshop(row);
}

/** Why a session cannot be joined at `now` (not started, ended), as the error to show; null when it can. */
export function closedReason(w: Workshop, now: number): AppError | null {
  if (now < w.startsAt) return new AppError('conflict', `“${w.title}” has not started yet: it opens in ${inAbout(w.startsAt - now)} (${utc(w.startsAt)}).`, { hint: 'Come back to this page then (keep the link).', detail: { startsAt: w.startsAt } });
  if (now >= w.endsAt) return new AppError('conflict', `“${w.title}” ended at ${utc(w.endsAt)}; nobody can join it now.`, { hint: 'Ask your instructor for the code of a current session, or do the labs on your own from the home page.', detail: { endsAt: w.endsAt } });
  return null;
}

/**
 * Put a participant in a session (or, joining again, rename them): refused with a reason when the
 * code is wrong, the session has not started or has ended, or every place is taken. Returns the
 * session and where they start: its first lab.
 */
export function joinWorkshop(q: Queries, participantId: string, input: JoinInput, now = Date.now()): { workshop: Workshop; href: string; renamed: boolean } {
  const workshop = workshopByCode(q, input.code);
  const closed = closedReason(workshop, now);
  if (closed) throw closed;
  const result = q.joinWorkshop({ workshop_id: workshop.id, participant_id: participantId, display_name: input.name, capacity: workshop.capacity }, now);
  if (result === 'full') throw new AppError('conflict', `“${workshop.title}” is full: ${workshop.capacity === 1 ? 'its one place is' : `all ${workshop.capacity} places are`} taken.`, { hint: 'Tell your instructor: they can give you the code of another session.' });
  return { workshop, href: `/labs/${workshop.labs[0]}`, renamed: result === 'renamed' };
}
